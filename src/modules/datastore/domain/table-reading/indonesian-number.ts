/**
 * Numbers as Indonesian spreadsheets write them: `1.234.567,89`, `12,5`, `12,5%`, `(1.234)`,
 * `Rp 1.500.000`, `-3,25`, and Excel's `1,5E+03`. The same grammar with the separators swapped
 * reads international numbers (`1,234,567.89`, `1234.5`) when a column is written that way.
 *
 * The rule that matters: a parser may say "not a number" (null) but must never return a wrong
 * number. A cell is read with one style only; the style belongs to the whole column
 * ({@link detectNumberStyle}), because a single `1.234` cannot tell thousands from decimals.
 */

/** `id`: dot groups thousands, comma marks decimals. `en`: comma groups thousands, dot marks decimals. */
export type NumberStyle = 'id' | 'en';

/**
 * Integer part (plain digits, or groups of three after a first group that does not start
 * with 0), optional decimals, optional exponent. `0.125` is therefore never "125" in `id`.
 */
const GRAMMAR: Record<NumberStyle, RegExp> = {
  id: /^([1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:[eE]([+-]?\d+))?$/,
  en: /^([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/,
};

/** Longer text is never a number; the cap also keeps every step below linear in practice. */
const MAX_NUMBER_TEXT = 64;
const SIGNS = new Set(['-', '+', '\u2212']);

interface NumberParts {
  /** The digits, separators and exponent only. */
  body: string;
  isNegative: boolean;
}

/**
 * Splits accounting parentheses, one sign (before or after `Rp`), `Rp` and a trailing `%`
 * from the digits; undefined when they contradict each other, such as `(-5)`, `-+5` or an
 * unclosed parenthesis. Done step by step rather than with one regular expression, whose
 * runs of optional spaces would backtrack exponentially on hostile input.
 */
function splitDecorations(text: string): NumberParts | undefined {
  let body = text.trim();
  if (body.length > MAX_NUMBER_TEXT) return undefined;
  const isParenthesised = body.startsWith('(');
  if (isParenthesised !== body.endsWith(')')) return undefined;
  if (isParenthesised) body = body.slice(1, -1).trim();
  let signs = 0;
  let hasMinus = false;
  const takeSign = () => {
    const first = body.charAt(0);
    if (!SIGNS.has(first)) return;
    signs++;
    hasMinus ||= first !== '+';
    body = body.slice(1).trimStart();
  };
  takeSign();
  const currency = /^rp\.?/i.exec(body);
  if (currency) {
    body = body.slice(currency[0].length).trimStart();
    takeSign();
  }
  if (signs > 1 || (isParenthesised && signs > 0)) return undefined;
  if (body.endsWith('%')) body = body.slice(0, -1).trimEnd();
  return { body, isNegative: isParenthesised || hasMinus };
}

/**
 * Reads one cell as a number written in `style` (Indonesian by default); null when the text
 * is not a number in that style.
 *
 * Decisions, each so that no wrong number comes out:
 * - In `id`, a lone dot followed by exactly three digits (`1.234`) is a thousands separator,
 *   as Indonesian Excel writes it; `1.5` or `1.2345` are not Indonesian numbers and give null.
 * - `12,5%` gives 12.5: Indonesian tables keep percentages as the number shown (persentase).
 * - `(1.234)` is an accounting negative; `Rp` before the digits is ignored.
 * - An integer beyond 2^53 gives null: such long digit strings are codes (NIK, NPWP), and a
 *   double would silently change their last digits.
 */
export function parseIndonesianNumber(text: string, style: NumberStyle = 'id'): number | null {
  return readIndonesianNumber(text, style)?.value ?? null;
}

/** A number read from a cell: its value, and its exact decimal text for storage. */
export interface ReadNumber {
  value: number;
  /**
   * The number as PostgreSQL `numeric` reads it, digit for digit as written (`1234567.89`,
   * `-3.25`, `1.5e3`), so decimals beyond a double's precision are kept.
   */
  text: string;
}

/** As {@link parseIndonesianNumber}, also giving the exact canonical text. */
export function readIndonesianNumber(text: string, style: NumberStyle = 'id'): ReadNumber | null {
  const parts = splitDecorations(text);
  if (!parts) return null;
  const match = GRAMMAR[style].exec(parts.body);
  if (!match) return null;
  const [, integer = '', decimals, exponent] = match;
  const digits = integer.replace(style === 'id' ? /\./g : /,/g, '');
  const canonical = `${digits}${decimals === undefined ? '' : `.${decimals}`}${exponent === undefined ? '' : `e${exponent}`}`;
  const value = Number(canonical);
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return null;
  if (value === 0) return { value: 0, text: '0' };
  const plain = canonical.replace(/^0+(?=\d)/, '');
  return parts.isNegative ? { value: -value, text: `-${plain}` } : { value, text: plain };
}

/**
 * Which style one sample speaks for: the only style that can read it. Undefined when both read
 * it (`12`, or the ambiguous `1.234`) or neither does (`abc`).
 */
function voteOf(sample: string): NumberStyle | undefined {
  const asId = parseIndonesianNumber(sample, 'id');
  const asEn = parseIndonesianNumber(sample, 'en');
  if (asId !== null && asEn === null) return 'id';
  if (asEn !== null && asId === null) return 'en';
  return undefined;
}

/**
 * Decides the number style of a column from sample cells: each sample that can only be read
 * one way votes; ties and columns with no telling sample (`12`, `1.234`) are Indonesian,
 * because that is what Indonesian Excel writes. Non-numeric samples are ignored.
 */
export function detectNumberStyle(samples: Iterable<string>): NumberStyle {
  let id = 0;
  let en = 0;
  for (const sample of samples) {
    const vote = voteOf(sample);
    if (vote === 'id') id++;
    else if (vote === 'en') en++;
  }
  return en > id ? 'en' : 'id';
}
