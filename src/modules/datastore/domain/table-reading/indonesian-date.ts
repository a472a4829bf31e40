/**
 * Dates as Indonesian spreadsheets write them: `31/12/2024`, `31-12-2024`, `2024-12-31`,
 * `31 Desember 2024`, `31 Des 2024`, `Selasa, 31 Desember 2024`, and month-only periods such as
 * `Des-24` (Excel's `mmm-yy`) or `Januari 2025`. English month names are read too, because
 * English Excel exports the same tables.
 *
 * The output is ISO text: `YYYY-MM-DD`, or `YYYY-MM` for a month. Numeric dates are always
 * day first, as in Indonesia; `12/31/2024` is therefore refused, never guessed.
 */
import { MONTHS, WEEKDAYS } from './calendar-names.js';

export interface DateParseOptions {
  /** The cell is known to hold a date (an XLSX date cell), so a bare number is an Excel serial. */
  excelSerial?: boolean;
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
}

interface DateParts {
  year: number;
  month: number;
  /** Absent for a month-only period. */
  day?: number;
}

/** Longer text is never a date (the longest, `Minggu, 30 September 2024 23:59:59 WITA`, is shorter). */
const MAX_DATE_TEXT = 64;
const SEP = '[-/.]';
const NAME = '([a-z]+)\\.?';
const NUMERIC_DMY = new RegExp(`^(\\d{1,2})(${SEP})(\\d{1,2})\\2(\\d{4}|\\d{2})$`);
const NUMERIC_YMD = new RegExp(`^(\\d{4})(${SEP})(\\d{1,2})\\2(\\d{1,2})$`);
const NUMERIC_YM = /^(\d{4})[-/](\d{1,2})$/;
const NUMERIC_MY = /^(\d{1,2})[-/](\d{4})$/;
const NAMED_DMY = new RegExp(`^(\\d{1,2})[\\s\\-/.]*${NAME}[\\s\\-/.,]+'?(\\d{4}|\\d{2})$`);
const NAMED_MDY = new RegExp(`^${NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})$`);
const NAMED_MY = new RegExp(`^${NAME}[\\s\\-/.,]+'?(\\d{4}|\\d{2})$`);
const WEEKDAY_PREFIX = /^([a-z']+),?\s+/;
/** A time after the date (`31/12/2024 0:00`, `2024-12-31T08:30:00Z`, `… 14.30 WIB`), dropped. */
const TIME_SUFFIX =
  /[\st](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?\s*(?:am|pm|wib|wita|wit|z|[+-]\d{2}:?\d{2})?$/;

/** Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValid({ year, month, day }: DateParts): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return false;
  return day === undefined || (day >= 1 && day <= daysInMonth(year, month));
}

function toIso({ year, month, day }: DateParts): string {
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  return day === undefined ? ym : `${ym}-${String(day).padStart(2, '0')}`;
}

/** Reads the date out of text that has no weekday or time around it. */
function matchDate(text: string): DateParts | undefined {
  let m = NUMERIC_DMY.exec(text);
  if (m) return { day: Number(m[1]), month: Number(m[3]), year: fullYear(m[4] ?? '') };
  m = NUMERIC_YMD.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
  m = NUMERIC_YM.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = NUMERIC_MY.exec(text);
  if (m) return { month: Number(m[1]), year: Number(m[2]) };
  m = NAMED_DMY.exec(text);
  const named = (name: string | undefined) => MONTHS.get(name ?? '');
  if (m) {
    const month = named(m[2]);
    return month ? { day: Number(m[1]), month, year: fullYear(m[3] ?? '') } : undefined;
  }
  m = NAMED_MDY.exec(text);
  if (m) {
    const month = named(m[1]);
    return month ? { month, day: Number(m[2]), year: Number(m[3]) } : undefined;
  }
  m = NAMED_MY.exec(text);
  if (m) {
    const month = named(m[1]);
    return month ? { month, year: fullYear(m[2] ?? '') } : undefined;
  }
  return undefined;
}

/** Drops a valid trailing time; undefined when the time itself is impossible (`25:00`). */
function withoutTime(text: string): string | undefined {
  const time = TIME_SUFFIX.exec(text);
  if (!time) return text;
  const [, hours = '', minutes = '', seconds = '0'] = time;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  return text.slice(0, time.index).trim();
}

/**
 * Converts an Excel serial day number to an ISO date; null outside Excel's range and for
 * serial 60, the 29 February 1900 that Excel counts but that never existed. The time of day
 * (the fraction) is dropped.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial);
  if (date1904) {
    if (days < 0 || days > 2957003) return null;
    return new Date(Date.UTC(1904, 0, 1 + days)).toISOString().slice(0, 10);
  }
  if (days < 1 || days > 2958465 || days === 60) return null;
  const offset = days < 60 ? days : days - 1;
  return new Date(Date.UTC(1899, 11, 31 + offset)).toISOString().slice(0, 10);
}

/**
 * Reads one cell as a date; null when it is not one, or names a day that does not exist
 * (`31/02/2024`), or a weekday that does not match the date.
 *
 * With `excelSerial`, a bare number (`45657`) is read as an Excel serial day, because XLSX
 * stores dates as numbers and only the cell format says it is a date.
 */
export function parseIndonesianDate(text: string, options: DateParseOptions = {}): string | null {
  const clean = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (clean.length > MAX_DATE_TEXT) return null;
  if (options.excelSerial && /^\d+(\.\d+)?$/.test(clean)) {
    return excelSerialToIsoDate(Number(clean), options.date1904);
  }
  const weekdayMatch = WEEKDAY_PREFIX.exec(clean);
  const weekday = weekdayMatch ? WEEKDAYS.get(weekdayMatch[1] ?? '') : undefined;
  const dated = withoutTime(weekday === undefined ? clean : clean.slice(weekdayMatch?.[0].length));
  const parts = dated === undefined ? undefined : matchDate(dated);
  if (!parts || !isValid(parts)) return null;
  if (weekday !== undefined) {
    if (parts.day === undefined) return null;
    if (new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() !== weekday) return null;
  }
  return toIso(parts);
}
