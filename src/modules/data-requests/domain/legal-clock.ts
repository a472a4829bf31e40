import {
  type Holiday,
  type IsoWeekday,
  parseClock,
  UTC_OFFSET_MINUTES,
  type WorkingCalendar,
} from '../../../kernel/calendar/working-calendar.js';
import { addWorkingDays, nextWorkingMoment } from '../../../kernel/calendar/working-time.js';

/**
 * The legal clocks of UU 14/2008 (Keterbukaan Informasi Publik) in a region's working calendar:
 * an answer within 10 working days of the request, extendable once by 7 working days with a
 * reason; an objection (keberatan) within 30 working days of the answer or of the missed due
 * date, answered by the superior within 30 working days. Pure functions of (calendar, instants).
 */
export const ANSWER_DAYS = 10;
export const EXTENSION_DAYS = 7;
export const OBJECTION_WINDOW_DAYS = 30;
export const OBJECTION_ANSWER_DAYS = 30;

/** How a due time was computed, for the requester to check: start, days counted, what was skipped. */
export interface DueExplanation {
  /** The instant the request was filed (its e-mail confirmed). */
  filedAt: Date;
  /** The first working moment the count starts from. */
  countFrom: Date;
  days: number;
  due: Date;
  /** Closed days (holidays, collective leave) that fell on an otherwise open weekday in the count. */
  holidaysSkipped: Holiday[];
  /** Closed weekdays (weekends) skipped in the count. */
  closedWeekdaysSkipped: number;
}

/** The local calendar date 'YYYY-MM-DD' of an instant in the calendar's time zone. */
export function localDate(calendar: WorkingCalendar, t: Date): string {
  const offset = UTC_OFFSET_MINUTES[calendar.timeZone] * 60_000;
  return new Date(t.getTime() + offset).toISOString().slice(0, 10);
}

function isoWeekday(date: string): IsoWeekday {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (d === 0 ? 7 : d) as IsoWeekday;
}

function nextDate(date: string): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}

/** The closing time of the working day `t` falls on ("by the 10th working day" means by its close). */
export function closeOfDay(calendar: WorkingCalendar, t: Date): Date {
  const date = localDate(calendar, t);
  const day = calendar.week[isoWeekday(date)];
  const close = day ? parseClock(day.end) : null;
  if (close === null) return t;
  const offset = UTC_OFFSET_MINUTES[calendar.timeZone] * 60_000;
  const closeAt = new Date(new Date(`${date}T00:00:00Z`).getTime() + close * 60_000 - offset);
  return closeAt.getTime() > t.getTime() ? closeAt : t;
}

/**
 * `days` working days from `from`, due at the close of the last one, with the closed days the
 * count passed over. A request filed outside working time counts from the next working moment.
 */
export function explainDue(calendar: WorkingCalendar, from: Date, days: number): DueExplanation {
  const countFrom = nextWorkingMoment(calendar, from);
  const due = closeOfDay(calendar, addWorkingDays(calendar, from, days));
  const holidays = new Map(calendar.holidays.map((h) => [h.date, h]));
  const last = localDate(calendar, due);
  const skipped: Holiday[] = [];
  let closedWeekdays = 0;
  for (let d = nextDate(localDate(calendar, from)); d <= last; d = nextDate(d)) {
    if (calendar.week[isoWeekday(d)] === null) closedWeekdays++;
    else {
      const h = holidays.get(d);
      if (h) skipped.push(h);
    }
  }
  return {
    filedAt: from,
    countFrom,
    days,
    due,
    holidaysSkipped: skipped,
    closedWeekdaysSkipped: closedWeekdays,
  };
}

/** The answer's legal due time: 10 working days from filing, 17 when extended. */
export function answerDue(calendar: WorkingCalendar, filedAt: Date, extensionDays: number): DueExplanation {
  return explainDue(calendar, filedAt, ANSWER_DAYS + extensionDays);
}

/** The last moment an objection may be filed: 30 working days after the answer, or after the missed due time. */
export function objectionWindowEnd(calendar: WorkingCalendar, answeredOrDue: Date): Date {
  return closeOfDay(calendar, addWorkingDays(calendar, answeredOrDue, OBJECTION_WINDOW_DAYS));
}

/** The superior's due time for answering an objection filed at `objectedAt`. */
export function objectionDue(calendar: WorkingCalendar, objectedAt: Date): DueExplanation {
  return explainDue(calendar, objectedAt, OBJECTION_ANSWER_DAYS);
}

/**
 * Working days taken from `from` to `to`: the least n whose n-working-day due time (the close
 * of that day) is at or after `to` (an answer on the filing day is 0; by the 10th day's close, 10).
 */
export function workingDaysTaken(calendar: WorkingCalendar, from: Date, to: Date): number {
  for (let n = 0; n < 2000; n++)
    if (closeOfDay(calendar, addWorkingDays(calendar, from, n)).getTime() >= to.getTime()) return n;
  return 2000;
}

/** IKM (PermenPAN-RB 14/2017): 9 service elements scored 1–4; the index is the mean × 25. */
export const IKM_ELEMENTS = 9;

export function ikmIndex(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return Math.round(mean * 25 * 100) / 100;
}
