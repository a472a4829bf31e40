/**
 * The text of an XLSX cell, so that XLSX rows look like CSV rows to everything downstream:
 * dates as ISO (`2024-12-31`), formulas as their cached result, rich text and hyperlinks as
 * their text, errors as Excel shows them (`#N/A`), and numbers the Indonesian way without
 * thousands separators (`1234567,89`, `12,5%`; at most 15 significant digits, as Excel keeps).
 *
 * Why Indonesian and not `1234567.89`: people also type numbers into XLSX as text, and in
 * Indonesian offices they type `1.234`. Written this way, number cells and typed numbers in a
 * column read with one style, `id`, and a number cell can never be misread (`1.234` written
 * as `1,234` is 1.234 in `id`; written as `1.234` it would be read as 1234).
 */
import type { Cell, CellValue } from 'exceljs';
import { excelSerialToIsoDate } from './indonesian-date.js';

/** Formats seen so far; a workbook has a handful (bounded anyway, should a file have thousands). */
const DATE_FORMAT_CACHE = new Map<string, boolean>();
const DATE_FORMAT_CACHE_LIMIT = 1000;

/**
 * Is this number format a date or time format? Quoted text, `[...]` sections (colours,
 * locales such as `[$-421]`) and escaped characters are removed first, so that `"Rp"` or
 * `[Red]` do not count; then any of d, m, y, h, s means a date or time. Cached: it is asked
 * for every number cell.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const cached = DATE_FORMAT_CACHE.get(numFmt);
  if (cached !== undefined) return cached;
  const bare = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  const isDate = /[dmyhs]/i.test(bare);
  if (DATE_FORMAT_CACHE.size < DATE_FORMAT_CACHE_LIMIT) DATE_FORMAT_CACHE.set(numFmt, isDate);
  return isDate;
}

function numberText(value: number, numFmt: string | undefined, date1904: boolean): string {
  if (isDateFormat(numFmt)) return excelSerialToIsoDate(value, date1904) ?? String(value);
  const isPercent = numFmt?.includes('%') ?? false;
  const shown = isPercent ? value * 100 : value;
  const text = Number.isSafeInteger(shown)
    ? String(shown)
    : String(Number(shown.toPrecision(15))).replace('.', ',');
  return isPercent ? `${text}%` : text;
}

/** ISO date, or date and time when the time is not midnight, or only the time for a bare time. */
function dateText(value: Date): string {
  const iso = value.toISOString();
  if (iso.startsWith('1899-12-30T')) return iso.slice(11, 19);
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function valueText(value: CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt, date1904);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return valueText(value.text, numFmt, date1904);
  if ('result' in value) return valueText(value.result, numFmt, date1904);
  return '';
}

/** The cell's text, trimmed; `date1904` is the workbook's date system, for formula results. */
export function cellText(cell: Cell, date1904 = false): string {
  return valueText(cell.value, cell.numFmt, date1904).trim();
}
