import { type TimeZone, UTC_OFFSET_MINUTES } from '../../../kernel/calendar/working-calendar.js';
import type { Bilingual } from './definition.js';

/**
 * Recurring cycles: a process the region runs on a schedule (the yearly data list; North
 * Maluku runs it twice a year). A cycle starts on the first day of each listed month, on the
 * region's clock; the background job starts the run of a period once (see cycles.ts).
 */
export interface Recurrence {
  /** Months (1–12) in which a cycle starts: [1] yearly, [1, 7] twice a year. */
  months: number[];
}

export interface CyclePeriod {
  /** '2027' for a yearly cycle, '2027-2' for the second of several in a year. */
  key: string;
  /** When the period began (local midnight of its first day). */
  startsAt: Date;
  label: Bilingual;
}

/** Problems of a recurrence, as [path suffix, id, en]; empty when valid. */
export function recurrenceProblems(value: unknown): [string, string, string][] {
  const months = (value as { months?: unknown } | null)?.months;
  if (
    !Array.isArray(months) ||
    months.length === 0 ||
    !months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12) ||
    new Set(months).size !== months.length
  )
    return [
      [
        'months',
        'bulan mulai siklus harus daftar bulan 1–12 tanpa pengulangan, misalnya [1] atau [1, 7]',
        'cycle start months must be a list of months 1–12 without repeats, e.g. [1] or [1, 7]',
      ],
    ];
  return [];
}

/** The period `now` falls in: the latest cycle start at or before it, on the region's clock. */
export function currentPeriod(recurrence: Recurrence, now: Date, timeZone: TimeZone): CyclePeriod {
  const offsetMs = UTC_OFFSET_MINUTES[timeZone] * 60_000;
  const local = new Date(now.getTime() + offsetMs);
  const months = [...recurrence.months].sort((a, b) => a - b);
  let year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  let index = months.filter((m) => m <= month).length - 1;
  if (index < 0) {
    year -= 1;
    index = months.length - 1;
  }
  const startMonth = months[index] ?? 1;
  const startsAt = new Date(Date.UTC(year, startMonth - 1, 1) - offsetMs);
  const single = months.length === 1;
  return {
    key: single ? String(year) : `${year}-${index + 1}`,
    startsAt,
    label: single
      ? { id: String(year), en: String(year) }
      : {
          id: `${year} periode ${index + 1} dari ${months.length}`,
          en: `${year} period ${index + 1} of ${months.length}`,
        },
  };
}
