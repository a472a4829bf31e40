/**
 * Reading one cell as a value of a Table Schema field type, giving the canonical text the
 * datastore loads (numbers with `.`, dates `YYYY-MM-DD`, yearmonth `YYYY-MM`, booleans
 * `true`/`false`). Shared by inference and validation so both read cells the same way.
 */
import { parseIndonesianDate } from '../table-reading/indonesian-date.js';

const TRUE_WORDS = new Set(['true', 'ya', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'tidak', 'no', 'n', 't', '0']);
/** Words inference takes as a boolean column (not 1/0 or single letters, which are codes). */
export const BOOLEAN_WORDS = new Set(['true', 'false', 'ya', 'tidak', 'yes', 'no']);

export function readBoolean(text: string): string | undefined {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return 'true';
  if (FALSE_WORDS.has(word)) return 'false';
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/** A full date; a month-only period (`Des-24`) is not one. */
export function readDate(text: string): string | undefined {
  if (ISO_DATE.test(text)) {
    const parsed = parseIndonesianDate(text);
    return parsed ?? undefined;
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
