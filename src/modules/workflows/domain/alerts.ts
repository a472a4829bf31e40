import type { WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { workingMinutesBetween } from '../../../kernel/calendar/working-time.js';

/**
 * When a task's actors are reminded and its supervisor is told it is late. Pure: (calendar,
 * task times, now), so a test fixes the clock.
 *
 * - Reminder: when at most a quarter of the task's working time is left (a 5-day step: on the
 *   morning of its last working day and a bit); steps shorter than two working hours get none,
 *   as their actors are at it already.
 * - Escalation: once the due time has passed (at the due instant itself the task is on time).
 * Each is sent once per task (task_alert); a task first seen overdue gets only the escalation.
 */
export const REMINDER_SHARE = 0.25;
export const MIN_REMINDED_MINUTES = 120;

export type AlertKind = 'reminder' | 'escalation';

export function alertDue(
  calendar: WorkingCalendar,
  task: { openedAt: Date; dueAt: Date | null },
  now: Date,
): AlertKind | null {
  if (!task.dueAt) return null;
  if (now.getTime() > task.dueAt.getTime()) return 'escalation';
  const total = workingMinutesBetween(calendar, task.openedAt, task.dueAt);
  if (total < MIN_REMINDED_MINUTES) return null;
  const left = workingMinutesBetween(calendar, now, task.dueAt);
  return left <= total * REMINDER_SHARE ? 'reminder' : null;
}
