import { parseStandardDuration, toWorkingAmount } from '../../../kernel/calendar/duration.js';
import { ISO_WEEKDAYS, parseClock, type WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { workingMinutesBetween } from '../../../kernel/calendar/working-time.js';
import { END, stepById, type WorkflowDefinition } from './definition.js';
import { forwardOutcome } from './outcomes.js';

/**
 * A whole process's time: its service standard (Magetan: "3 minggu") against the sum of its
 * steps' standard times and against what a run has taken, all in working days of the
 * region's calendar. Pure: (definition, calendar, instants).
 */

/** Average working minutes of an open weekday (Magetan: (4 × 360 + 240) / 5 = 336). */
export function averageDayMinutes(calendar: WorkingCalendar): number {
  let total = 0;
  let open = 0;
  for (const d of ISO_WEEKDAYS) {
    const day = calendar.week[d];
    if (!day) continue;
    open++;
    let minutes = (parseClock(day.end) ?? 0) - (parseClock(day.start) ?? 0);
    for (const b of day.breaks) minutes -= (parseClock(b.end) ?? 0) - (parseClock(b.start) ?? 0);
    total += minutes;
  }
  return open === 0 ? 1 : total / open;
}

/** A standard time ("2 jam", "3 minggu") in working days of `calendar`; null when it has none. */
export function workingDaysOf(text: string | null | undefined, calendar: WorkingCalendar): number | null {
  if (!text) return null;
  const parsed = parseStandardDuration(text);
  if (!parsed.ok || !parsed.duration) return null;
  const openWeekdays = ISO_WEEKDAYS.filter((d) => calendar.week[d]).length;
  const amount = toWorkingAmount(parsed.duration, openWeekdays);
  return amount.kind === 'days' ? amount.days : amount.minutes / averageDayMinutes(calendar);
}

/**
 * The steps a run goes through when every decision goes ahead: from the start along each
 * step's forward outcome to the end (return loops and alternative branches are not summed).
 */
export function forwardPath(def: WorkflowDefinition): string[] {
  const path: string[] = [];
  let current = def.start;
  while (current !== END && !path.includes(current) && path.length <= def.steps.length) {
    path.push(current);
    const step = stepById(def, current);
    const outcome = forwardOutcome(step);
    current = step.transitions.find((t) => t.outcome === outcome)?.to ?? END;
  }
  return path;
}

export interface ProcessTimeReport {
  /** The definition's service standard as written, or null. */
  standardTime: string | null;
  standardDays: number | null;
  /** Sum of the forward path's step standard times. */
  stepsDays: number;
  /** Working days the run has taken so far (or took), when a start is given. */
  elapsedDays: number | null;
  /** The run took longer than the service standard. */
  overStandard: boolean;
  /** The steps' standard times add up to more than the service standard. */
  stepsOverStandard: boolean;
}

export function processTimeReport(
  def: WorkflowDefinition,
  calendar: WorkingCalendar,
  run?: { startedAt: Date; endedAt: Date | null; now: Date },
): ProcessTimeReport {
  const standardTime = def.standardTime ?? null;
  const standardDays = workingDaysOf(standardTime, calendar);
  const stepsDays = forwardPath(def).reduce(
    (sum, id) => sum + (workingDaysOf(stepById(def, id).duration, calendar) ?? 0),
    0,
  );
  const elapsedDays = run
    ? workingMinutesBetween(calendar, run.startedAt, run.endedAt ?? run.now) / averageDayMinutes(calendar)
    : null;
  return {
    standardTime,
    standardDays,
    stepsDays,
    elapsedDays,
    overStandard: standardDays !== null && elapsedDays !== null && elapsedDays > standardDays,
    stepsOverStandard: standardDays !== null && stepsDays > standardDays,
  };
}
