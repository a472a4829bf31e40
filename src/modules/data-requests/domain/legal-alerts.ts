import type { WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { ANSWER_DAYS, answerDue, explainDue, OBJECTION_ANSWER_DAYS, objectionDue } from './legal-clock.js';

/**
 * When the legal clocks of UU 14/2008 call for a reminder or an escalation. Pure: (calendar,
 * the request's instants, now), so a test fixes the clock.
 *
 * - Answer clock (10 working days, 17 when extended): the people handling it are reminded once
 *   `ANSWER_REMINDER_DAYS` working days are left; once the due time has passed it escalates.
 * - Objection clock (30 working days for the superior): reminded `OBJECTION_REMINDER_DAYS`
 *   working days before; escalated once passed.
 * Each alert is keyed by its due time, so an extension's new due time is reminded again.
 */
export const ANSWER_REMINDER_DAYS = 2;
export const OBJECTION_REMINDER_DAYS = 5;

export type LegalClock = 'answer' | 'objection';
export type LegalAlertKind = 'reminder' | 'escalation';

export interface LegalAlert {
  clock: LegalClock;
  kind: LegalAlertKind;
  due: Date;
}

export interface ClockedRequest {
  state: string;
  verified_at: Date | null;
  extension_days: number;
  objection_at: Date | null;
  objection_answered_at: Date | null;
}

function judge(clock: LegalClock, due: Date, remindAt: Date, now: Date): LegalAlert | null {
  if (now.getTime() > due.getTime()) return { clock, kind: 'escalation', due };
  if (now.getTime() >= remindAt.getTime()) return { clock, kind: 'reminder', due };
  return null;
}

/** The alerts due at `now` for one request (at most one per clock). */
export function legalAlertsDue(calendar: WorkingCalendar, r: ClockedRequest, now: Date): LegalAlert[] {
  const out: LegalAlert[] = [];
  if (r.state === 'open' && r.verified_at) {
    const filed = new Date(r.verified_at);
    const due = answerDue(calendar, filed, r.extension_days).due;
    const remindAt = explainDue(calendar, filed, ANSWER_DAYS + r.extension_days - ANSWER_REMINDER_DAYS).due;
    const a = judge('answer', due, remindAt, now);
    if (a) out.push(a);
  }
  if (r.objection_at && !r.objection_answered_at) {
    const objected = new Date(r.objection_at);
    const due = objectionDue(calendar, objected).due;
    const remindAt = explainDue(calendar, objected, OBJECTION_ANSWER_DAYS - OBJECTION_REMINDER_DAYS).due;
    const a = judge('objection', due, remindAt, now);
    if (a) out.push(a);
  }
  return out;
}
