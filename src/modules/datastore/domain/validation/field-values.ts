/**
 * Reading one cell as a value of a Table Schema field type, giving the canonical text the
 * datastore loads (numbers with `.`, dates `YYYY-MM-DD`, yearmonth `YYYY-MM`, booleans
 * `true`/`false`). Shared by inference and validation so both read cells the same way.
 */
import { parseIndonesianDate } from '../table-reading/indonesian-date.js';
import {
  type NumberStyle,
  type ReadNumber,
  readIndonesianNumber,
} from '../table-reading/indonesian-number.js';

const TRUE_WORDS = new Set(['true', 'ya', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'tidak', 'no', 'n', '0']);
/** Words inference takes as a boolean column (not 1/0 or single letters, which are codes). */
export const BOOLEAN_WORDS = new Set(['true', 'false', 'ya', 'tidak', 'yes', 'no']);

export function readBoolean(text: string): string | undefined {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return 'true';
  if (FALSE_WORDS.has(word)) return 'false';
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_DATE = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

/**
 * A full date; a month-only period (`Des-24`) is not one. The two forms nearly every file uses,
 * `2024-12-31` and `31/12/2024`, are read here directly (a validated column is mostly one of
 * them); everything else goes through parseIndonesianDate.
 */
export function readDate(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return isRealDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? text : undefined;
  const dmy = DMY_DATE.exec(text);
  if (dmy) {
    const day = Number(dmy[1]);
    const month = Number(dmy[3]);
    const year = Number(dmy[4]);
    if (!isRealDay(year, month, day)) return undefined;
    return `${dmy[4]}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  }
  const parsed = parseIndonesianDate(text);
  return parsed !== null && parsed.length === 10 ? parsed : undefined;
}

/** A month (`2024-12`, `Des-24`, `Desember 2024`). */
export function readYearMonth(text: string): string | undefined {
  const parsed = parseIndonesianDate(text);
  return parsed !== null && ISO_MONTH.test(parsed) ? parsed : undefined;
}

/** A four-digit year. */
export function readYear(text: string): string | undefined {
  return /^\d{4}$/.test(text) && text[0] !== '0' ? text : undefined;
}

/**
 * The common shapes of a number cell, read without readIndonesianNumber's general grammar:
 * `-1234`, and `1.234.567,89` (id) or `1,234,567.89` (en). Same results as the full parser
 * (the property tests compare them); anything else (percent, Rp, parentheses, exponent) falls
 * back to it.
 */
const FAST_NUMBER: Record<NumberStyle, RegExp> = {
  id: /^(-?)([1-9]\d{0,2}(?:\.\d{3})+|\d{1,15})(?:,(\d{1,15}))?$/,
  en: /^(-?)([1-9]\d{0,2}(?:,\d{3})+|\d{1,15})(?:\.(\d{1,15}))?$/,
};
const GROUPS: Record<NumberStyle, RegExp> = { id: /\./g, en: /,/g };
const LEADING_ZEROS = /^0+(?=\d)/;

/**
 * The commonest cells, `12345` and `21.79` (en) / `21,79` (id), read by their characters with no
 * regular expression and no match array; null when the text is not of that shape. Same results
 * as the expression below (leading zeros, group separators and signs go there).
 */
function readPlainNumber(text: string, style: NumberStyle): ReadNumber | null {
  const n = text.length;
  if (n === 0 || n > 31) return null;
  const decimalCode = style === 'en' ? 46 : 44;
  let point = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== decimalCode || point >= 0 || i === 0 || i === n - 1) return null;
    point = i;
  }
  const integerDigits = point < 0 ? n : point;
  if (integerDigits > 15 || n - integerDigits - 1 > 15) return null;
  if (integerDigits > 1 && text.charCodeAt(0) === 48) return null;
  const plain = point < 0 || style === 'en' ? text : `${text.slice(0, point)}.${text.slice(point + 1)}`;
  const value = Number(plain);
  return value === 0 ? { value: 0, text: '0' } : { value, text: plain };
}

export function readNumberFast(text: string, style: NumberStyle): ReadNumber | null {
  const plainNumber = readPlainNumber(text, style);
  if (plainNumber) return plainNumber;
  const m = FAST_NUMBER[style].exec(text);
  if (!m) return readIndonesianNumber(text, style);
  const [, sign, integer = '', decimals] = m;
  let digits = integer.length > 4 ? integer.replace(GROUPS[style], '') : integer;
  if (digits.length > 1 && digits.charCodeAt(0) === 48) digits = digits.replace(LEADING_ZEROS, '');
  const plain = decimals === undefined ? digits : `${digits}.${decimals}`;
  const value = Number(plain);
  if (value === 0) return { value: 0, text: '0' };
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return null;
  return sign === '' ? { value, text: plain } : { value: -value, text: `-${plain}` };
}
