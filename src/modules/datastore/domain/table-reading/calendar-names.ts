/**
 * Month and weekday names, lower case, in Bahasa Indonesia and English, with the
 * abbreviations Indonesian Excel and office letters use: `Agu`/`Agt`/`Ags`, `Nop`/`Nopember`
 * (the older spelling still found in government files), `Sept`.
 */

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januari', 'jan', 'january'],
  ['februari', 'pebruari', 'feb', 'peb', 'february'],
  ['maret', 'mar', 'march'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'agst', 'aug', 'august'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct', 'october'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'des', 'dec', 'december'],
];

/** Every month name or abbreviation → month number (1–12). */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

/** Full Indonesian month names, January first: for writing dates the Indonesian way. */
export const INDONESIAN_MONTHS: readonly string[] = MONTH_NAMES.map((names) => names[0] ?? '');

/** Three-letter Indonesian abbreviations as Indonesian Excel shows them (`Des-24`). */
export const INDONESIAN_MONTH_ABBREVIATIONS: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
];

const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['minggu', 'ahad', 'sunday'],
  ['senin', 'monday'],
  ['selasa', 'tuesday'],
  ['rabu', 'wednesday'],
  ['kamis', 'thursday'],
  ['jumat', "jum'at", 'friday'],
  ['sabtu', 'saturday'],
];

/** Every weekday name → day number as `Date.getUTCDay()` counts (0 = Sunday / Minggu). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  WEEKDAY_NAMES.flatMap((names, index) => names.map((name) => [name, index] as const)),
);

/** Full Indonesian weekday names, Minggu (Sunday) first. */
export const INDONESIAN_WEEKDAYS: readonly string[] = WEEKDAY_NAMES.map((names) => names[0] ?? '');
