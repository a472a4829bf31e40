import { UTC_OFFSET_MINUTES, type WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { addWorkingDays, nextWorkingMoment } from '../../../kernel/calendar/working-time.js';

/**
 * Romantik (STANDARDS.md §3.6): BPS answers a complete FS3 (Formulir Pemberitahuan Survei
 * Statistik Sektoral) within 30 working days. The clock starts at the first working moment of
 * the day the FS3 was submitted, in the region's working calendar (its hours, weekends and
 * holidays), and an activity still waiting after that is overdue.
 */
export const ROMANTIK_ANSWER_WORKING_DAYS = 30;

/** When BPS's answer to an FS3 submitted on `submittedOn` ('YYYY-MM-DD') is due. */
export function romantikDue(calendar: WorkingCalendar, submittedOn: string): Date {
  const offset = UTC_OFFSET_MINUTES[calendar.timeZone];
  const localMidnight = new Date(Date.parse(`${submittedOn}T00:00:00Z`) - offset * 60_000);
  return addWorkingDays(calendar, nextWorkingMoment(calendar, localMidnight), ROMANTIK_ANSWER_WORKING_DAYS);
}

export type RomantikState = 'not_submitted' | 'waiting' | 'overdue' | 'answered';

/**
 * Where an activity stands: no FS3 yet; waiting for BPS (overdue past 30 working days); or
 * answered (recommended, sent back for revision, or no recommendation needed).
 */
export function romantikState(
  calendar: WorkingCalendar,
  a: { recommendation_status: string; fs3_submitted_on: string | null },
  now: Date,
): { state: RomantikState; due: Date | null } {
  if (a.recommendation_status !== 'none' && a.recommendation_status !== 'submitted')
    return { state: 'answered', due: null };
  if (!a.fs3_submitted_on) return { state: 'not_submitted', due: null };
  const due = romantikDue(calendar, a.fs3_submitted_on);
  return { state: now.getTime() > due.getTime() ? 'overdue' : 'waiting', due };
}
