import {
  ISO_WEEKDAYS,
  type IsoWeekday,
  parseClock,
  type ServiceDay,
  UTC_OFFSET_MINUTES,
  validateWorkingCalendar,
  type WorkingCalendar,
} from './working-calendar.js';

/**
 * The calendar turned into instants: for any local day, the spans of working time as UTC
 * epoch milliseconds. Internal to the calendar module; working-time.ts builds on it.
 *
 * A "local day" is numbered like the Unix epoch day, but of the region's wall clock: day 0
 * is 1970-01-01 local. Because the offset is fixed, local midnight of day d is simply
 * d × 86 400 000 − offset.
 */

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A guard, not a rule: no real calendar is closed this many days in a row. */
const MAX_CLOSED_DAYS = 3_660;

/** Half-open span of working time [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/** A validated calendar prepared for arithmetic. */
export interface CompiledCalendar {
  offsetMs: number;
  closedDates: ReadonlySet<string>;
  /** Working spans per weekday in minutes after local midnight, breaks already removed. */
  week: Record<IsoWeekday, readonly Span[]>;
  openWeekdays: number;
}

/**
 * Validate and prepare a calendar. Throws RangeError with the first problem, because
 * computing due times from a broken calendar would give wrong answers silently.
 */
export function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const first = Object.values(validateWorkingCalendar(calendar))[0]?.[0];
  if (first) throw new RangeError(`Invalid working calendar: ${first.en}`);
  const spans = (d: IsoWeekday) => daySpans(calendar.week[d]);
  const week = { 1: spans(1), 2: spans(2), 3: spans(3), 4: spans(4), 5: spans(5), 6: spans(6), 7: spans(7) };
  return {
    offsetMs: UTC_OFFSET_MINUTES[calendar.timeZone] * MINUTE_MS,
    closedDates: new Set(calendar.holidays.map((h) => h.date)),
    week,
    openWeekdays: ISO_WEEKDAYS.filter((d) => week[d].length > 0).length,
  };
}

/** Service hours minus breaks, in minutes after midnight; assumes a validated day. */
function daySpans(day: ServiceDay | null): Span[] {
  if (!day) return [];
  const minutes = (clock: string) => parseClock(clock) ?? 0;
  const breaks = day.breaks
    .map((b) => ({ start: minutes(b.start), end: minutes(b.end) }))
    .sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  let cursor = minutes(day.start);
  for (const b of breaks) {
    if (b.start > cursor) spans.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
  }
  const end = minutes(day.end);
  if (end > cursor) spans.push({ start: cursor, end });
  return spans;
}

/** The local day an instant falls on. */
export function localDay(c: CompiledCalendar, ms: number): number {
  return Math.floor((ms + c.offsetMs) / DAY_MS);
}

/** The instant of local midnight starting a local day. */
export function localMidnight(c: CompiledCalendar, day: number): number {
  return day * DAY_MS - c.offsetMs;
}

/** ISO weekday of a local day; day 0 (1970-01-01) was a Thursday. */
function isoWeekday(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** Working spans of one local day as instants: none on a holiday or closed weekday. */
export function workingSpans(c: CompiledCalendar, day: number): Span[] {
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (c.closedDates.has(date)) return [];
  const midnight = localMidnight(c, day);
  return c.week[isoWeekday(day)].map((s) => ({
    start: midnight + s.start * MINUTE_MS,
    end: midnight + s.end * MINUTE_MS,
  }));
}

/**
 * Working spans in time order from the local day of `t` on, without those that ended at or
 * before `t`. Endless: the caller stops. Throws if the calendar is closed for ten years.
 */
export function* spansFrom(c: CompiledCalendar, t: number): Generator<Span, never> {
  let closedRun = 0;
  for (let day = localDay(c, t); ; day++) {
    const spans = workingSpans(c, day);
    closedRun = spans.length === 0 ? closedRun + 1 : 0;
    if (closedRun > MAX_CLOSED_DAYS) throw new RangeError('Working calendar has no working time ahead');
    for (const s of spans) if (s.end > t) yield s;
  }
}

/** The `n`th working day after local day `day` (n ≥ 1), with its working spans. */
export function nthWorkingDayAfter(
  c: CompiledCalendar,
  day: number,
  n: number,
): { day: number; spans: Span[] } {
  let found = 0;
  let closedRun = 0;
  for (let d = day + 1; ; d++) {
    const spans = workingSpans(c, d);
    if (spans.length > 0) {
      closedRun = 0;
      if (++found === n) return { day: d, spans };
    } else if (++closedRun > MAX_CLOSED_DAYS) {
      throw new RangeError('Working calendar has no working time ahead');
    }
  }
}
