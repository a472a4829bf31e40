import { type StandardDuration, toWorkingAmount } from './duration.js';
import {
  type CompiledCalendar,
  compileCalendar,
  localDay,
  localMidnight,
  MINUTE_MS,
  nthWorkingDayAfter,
  type Span,
  spansFrom,
} from './service-spans.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * Due times, elapsed working time and overdue status of workflow steps, in a region's
 * working time: its service hours, breaks, closed weekdays and holidays, read on its own
 * wall clock (WIB, WITA or WIT). Pure functions of (calendar, instants); no I/O, no clock.
 *
 * Working time is half-open: a service span 08:00–12:00 contains 08:00 but not 12:00. A due
 * time is therefore either a working moment or the very end of a span (closing time, or
 * the start of a break): work due "by 15:00" is on time at 15:00 and not before Tuesday
 * 08:00, which is what an officer and a requester both read from "due today".
 */

/** True when `t` falls inside the calendar's working time. */
export function isWorkingMoment(calendar: WorkingCalendar, t: Date): boolean {
  const c = compileCalendar(calendar);
  const ms = instant(t);
  const first = spansFrom(c, ms).next().value;
  return first.start <= ms;
}

/** `t` itself when it is a working moment, else the start of the next working span. */
export function nextWorkingMoment(calendar: WorkingCalendar, t: Date): Date {
  return new Date(nextWorkingMs(compileCalendar(calendar), instant(t)));
}

/**
 * The due time of a step started at `start` with standard time `duration` (see duration.ts
 * for how each unit maps to working time). Minutes and hours count working minutes; days,
 * weeks and months count working days (addWorkingDays). A zero duration is due at the next
 * working moment. The result never moves backwards as the duration grows.
 */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, duration: StandardDuration): Date {
  const c = compileCalendar(calendar);
  const amount = toWorkingAmount(duration, c.openWeekdays);
  const ms = instant(start);
  return new Date(
    amount.kind === 'minutes' ? addMinutesMs(c, ms, amount.minutes) : addDaysMs(c, ms, amount.days),
  );
}

/**
 * Working minutes between two instants: the overlap of [from, to) with working time, to the
 * millisecond (so it may be fractional). Negative when `to` is before `from`, so that
 * elapsed − standard is a signed lateness.
 */
export function workingMinutesBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const c = compileCalendar(calendar);
  const a = instant(from);
  const b = instant(to);
  // 0 − x rather than −x, so that no overlap gives 0, not −0.
  return (b < a ? 0 - overlapMs(c, b, a) : overlapMs(c, a, b)) / MINUTE_MS;
}

/**
 * True when `now` is past the due time of a step started at `start`. At the due instant
 * itself the step is still on time.
 */
export function isOverdue(
  calendar: WorkingCalendar,
  start: Date,
  duration: StandardDuration,
  now: Date,
): boolean {
  return instant(now) > addWorkingTime(calendar, start, duration).getTime();
}

/**
 * N working days from `start` (N ≥ 0): the same local clock time on the Nth following
 * working day, clamped into that day's service hours. Precisely:
 * 1. a start outside working time first moves to the next working moment s;
 * 2. count N days forward from s's local day, skipping closed weekdays and holidays;
 * 3. on that day take s's clock time; if it falls in a break or after closing, use the end
 *    of the span before it (break start or closing time); if it is before opening, use
 *    the opening time.
 * So Monday 10:00 + 1 day = Tuesday 10:00; Thursday 14:30 + 1 day = Friday 14:00 (Friday
 * closes at 14:00); Monday 11:45 + 4 days = Friday 11:30 (the Friday break starts then).
 * The due time always stays on the Nth working day, never spilling into the next.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: Date, days: number): Date {
  return addWorkingTime(calendar, start, { amount: days, unit: 'days' });
}

function instant(t: Date): number {
  const ms = t.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  return ms;
}

function nextWorkingMs(c: CompiledCalendar, t: number): number {
  const first = spansFrom(c, t).next().value;
  return Math.max(first.start, t);
}

function addMinutesMs(c: CompiledCalendar, t: number, minutes: number): number {
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return nextWorkingMs(c, t);
  for (const span of spansFrom(c, t)) {
    const from = Math.max(span.start, t);
    if (remaining <= span.end - from) return from + remaining;
    remaining -= span.end - from;
  }
  // spansFrom never ends; it throws instead.
  throw new RangeError('unreachable');
}

function addDaysMs(c: CompiledCalendar, t: number, days: number): number {
  const start = nextWorkingMs(c, t);
  if (days === 0) return start;
  const startDay = localDay(c, start);
  const clock = start - localMidnight(c, startDay);
  const target = nthWorkingDayAfter(c, startDay, days);
  return clampIntoDay(target.spans, localMidnight(c, target.day) + clock);
}

/** The latest working instant at or before `target` on a day, or the day's opening if earlier. */
function clampIntoDay(spans: readonly Span[], target: number): number {
  let result = spans[0]?.start ?? target;
  for (const span of spans) {
    if (span.start > target) break;
    result = Math.min(target, span.end);
  }
  return result;
}

function overlapMs(c: CompiledCalendar, from: number, to: number): number {
  let total = 0;
  for (const span of spansFrom(c, from)) {
    if (span.start >= to) break;
    total += Math.min(span.end, to) - Math.max(span.start, from);
  }
  return total;
}
