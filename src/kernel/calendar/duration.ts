import type { Bilingual } from '../errors.js';

/**
 * A step's standard time (Mutu Baku: Waktu) as the SOPs write it, and the one rule that turns
 * it into working time. Every unit counts working time only:
 *
 * - minutes, hours: working minutes (1 hour = 60 working minutes), counted through service
 *   hours and skipping breaks, closed weekdays and holidays.
 * - days: working days. N working days from a start = the same local clock time on the Nth
 *   following working day, clamped into that day's service hours. A start outside service
 *   hours first moves to the next working moment. A day is not a fixed number of minutes:
 *   Mon–Thu and Friday have different service lengths, so "1 day" from Friday 10:00 is
 *   Monday 10:00, not 360 working minutes later (Monday 12:00). See addWorkingDays in
 *   working-time.ts for the exact rule.
 * - weeks: working days, one week = the calendar's open weekdays (5 for Magetan's week), so
 *   "1 minggu" from a Wednesday is the next Wednesday when no holiday intervenes.
 * - months: 4 working weeks (20 working days for a 5-day week). A year has about 261
 *   weekdays, of which ~20 are holidays or cuti bersama (2026: 240 working days, 2027: 242),
 *   so 20 working days is one month on average. Unlike calendar months it still stretches
 *   over Lebaran closures, which is what "computed in working time" asks for, and 1 month
 *   can never end before 4 weeks.
 */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface StandardDuration {
  amount: number;
  unit: DurationUnit;
}

/** A duration resolved to what the calendar counts: working minutes or whole working days. */
export type WorkingAmount = { kind: 'minutes'; minutes: number } | { kind: 'days'; days: number };

/** Weeks per month in the month rule above. */
export const WEEKS_PER_MONTH = 4;

/**
 * Resolve a duration to working minutes or working days for a calendar with
 * `openWeekdays` open weekdays. Throws RangeError for a negative or non-finite amount, or
 * a fractional count of days, weeks or months (working days are whole: write hours instead).
 */
export function toWorkingAmount(duration: StandardDuration, openWeekdays: number): WorkingAmount {
  const { amount, unit } = duration;
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`Duration amount must be a finite number ≥ 0, got ${amount}`);
  }
  if (unit === 'minutes') return { kind: 'minutes', minutes: amount };
  if (unit === 'hours') return { kind: 'minutes', minutes: amount * 60 };
  if (!Number.isInteger(amount)) {
    throw new RangeError(`A duration in ${unit} must be a whole number, got ${amount}`);
  }
  if (unit === 'days') return { kind: 'days', days: amount };
  if (unit === 'weeks') return { kind: 'days', days: amount * openWeekdays };
  return { kind: 'days', days: amount * WEEKS_PER_MONTH * openWeekdays };
}

const UNIT_WORDS: readonly [RegExp, DurationUnit][] = [
  [/^(menit|mnt|min|mins|minute|minutes)$/, 'minutes'],
  [/^(jam|j|h|hour|hours)$/, 'hours'],
  [/^(hari|hari kerja|hk|day|days|working days?)$/, 'days'],
  [/^(minggu|minggu kerja|pekan|week|weeks|working weeks?)$/, 'weeks'],
  [/^(bulan|month|months)$/, 'months'],
];

export type ParsedDuration =
  | { ok: true; duration: StandardDuration | null }
  | { ok: false; error: Bilingual };

/**
 * Parse a standard time as the SOPs write it: "15 menit", "1 jam", "2 hari", "1 minggu",
 * "3 bulan", "60 hari kerja", and the English of our summaries ("40 min", "2 h",
 * "5 working days", "8 months"). A decimal comma or point is accepted ("1,5 jam"). A dash or
 * blank means the step has no standard time and yields `duration: null`; anything else that
 * does not parse is an error naming the text, so a preset with a typo fails loudly.
 * "hari" and "hari kerja" are the same unit: every duration counts working time.
 */
export function parseStandardDuration(text: string): ParsedDuration {
  const trimmed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (trimmed === '' || /^[-–—]$/.test(trimmed)) return { ok: true, duration: null };
  const match = /^(\d+(?:[.,]\d+)?) ?([a-z ]+?)\.?$/.exec(trimmed);
  const unitWord = match?.[2];
  const unit = unitWord === undefined ? undefined : UNIT_WORDS.find(([re]) => re.test(unitWord))?.[1];
  if (!match?.[1] || !unit) {
    return {
      ok: false,
      error: {
        id: `Waktu baku '${text}' tidak dikenali; tulis misalnya "15 menit", "2 jam", "5 hari kerja", "1 minggu" atau "3 bulan"`,
        en: `Standard time '${text}' is not recognised; write e.g. "15 minutes", "2 hours", "5 working days", "1 week" or "3 months"`,
      },
    };
  }
  const amount = Number(match[1].replace(',', '.'));
  if (unit !== 'minutes' && unit !== 'hours' && !Number.isInteger(amount)) {
    return {
      ok: false,
      error: {
        id: `Waktu baku '${text}': jumlah hari, minggu atau bulan harus bilangan bulat; gunakan jam`,
        en: `Standard time '${text}': days, weeks and months must be whole numbers; use hours`,
      },
    };
  }
  return { ok: true, duration: { amount, unit } };
}

const LABELS: Record<DurationUnit, { id: string; en: [string, string] }> = {
  minutes: { id: 'menit', en: ['minute', 'minutes'] },
  hours: { id: 'jam', en: ['hour', 'hours'] },
  days: { id: 'hari kerja', en: ['working day', 'working days'] },
  weeks: { id: 'minggu kerja', en: ['working week', 'working weeks'] },
  months: { id: 'bulan kerja', en: ['working month', 'working months'] },
};

/** "60 hari kerja" / "60 working days": how a duration reads in a step's detail. */
export function formatStandardDuration(duration: StandardDuration): Bilingual {
  const label = LABELS[duration.unit];
  const amount = String(duration.amount);
  return {
    id: `${amount.replace('.', ',')} ${label.id}`,
    en: `${amount} ${duration.amount === 1 ? label.en[0] : label.en[1]}`,
  };
}
