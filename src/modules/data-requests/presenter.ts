import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { DataRequest } from '../../kernel/db/schema/data-requests.js';
import type { DB } from '../../kernel/db/schema.js';
import type { Bilingual } from '../../kernel/errors.js';
import { definitionOf, findInstance, stepById, tasksOf } from '../workflows/index.js';
import { messagesOf } from './data-requests.repository.js';
import { answerDue, type DueExplanation, objectionDue, objectionWindowEnd } from './domain/legal-clock.js';
import { figureOf } from './figures.js';
import { OUTCOME_TEXT } from './outcomes.js';
import { agencyName } from './request-choices.repository.js';

/** A step of the run in plain words, with the unit (never the person) that holds or held it. */
export interface StepView {
  title: Bilingual;
  unit: Bilingual;
  done: boolean;
  at: Date;
}

/**
 * What the requester sees on the status page (and the API returns to them): no contact data,
 * no staff names — the unit holding it, the legal clock and how it was computed, the messages.
 */
export interface PublicRequestView {
  code: string;
  state: DataRequest['state'];
  asked: string;
  filedAt: Date | null;
  steps: StepView[];
  holder: Bilingual | null;
  due: DueExplanation | null;
  overdue: boolean;
  extension: { days: number; reason: string | null } | null;
  outcome: { code: string; text: Bilingual; reason: string | null; legalGround: string | null } | null;
  answeredAt: Date | null;
  datasetId: string | null;
  file: { name: string; expiresAt: Date | null; expired: boolean } | null;
  objection: {
    filedAt: Date;
    reason: string | null;
    due: DueExplanation;
    answeredAt: Date | null;
    decision: string | null;
    answer: string | null;
  } | null;
  /** The last moment an objection may be filed, when one may be filed now. */
  objectionOpenUntil: Date | null;
  rated: boolean;
  messages: { at: Date; text: Bilingual }[];
}

/** The agency a producer step is with, or the SOP's actor label. */
async function unitOf(db: Kysely<DB>, actorLabel: Bilingual, agencyId: string | null): Promise<Bilingual> {
  const agency = await agencyName(db, agencyId);
  return agency ? { id: agency.name, en: agency.name } : actorLabel;
}

export async function presentForRequester(
  db: Kysely<DB>,
  calendar: WorkingCalendar,
  r: DataRequest,
  now: Date,
): Promise<PublicRequestView> {
  const instance = r.instance_id ? await findInstance(db, r.instance_id) : undefined;
  const steps: StepView[] = [];
  let holder: Bilingual | null = null;
  if (instance) {
    const def = definitionOf(instance);
    for (const task of await tasksOf(db, [instance.id])) {
      const step = stepById(def, task.step_id);
      const unit = await unitOf(db, step.actorLabel, task.agency_id);
      const done = task.state !== 'open';
      steps.push({
        title: step.title,
        unit,
        done,
        at: new Date(done ? (task.closed_at ?? task.opened_at) : task.opened_at),
      });
      if (!done) holder = unit;
    }
  }
  const filed = r.verified_at ? new Date(r.verified_at) : null;
  const due = filed ? answerDue(calendar, filed, r.extension_days) : null;
  const figure = figureOf(calendar, r, now);
  const answeredOrDue = r.answered_at ? new Date(r.answered_at) : due && now > due.due ? due.due : null;
  const windowEnd = answeredOrDue ? objectionWindowEnd(calendar, answeredOrDue) : null;
  const fileExpires = r.file_expires_at ? new Date(r.file_expires_at) : null;
  return {
    code: r.code,
    state: r.state,
    asked: r.asked,
    filedAt: filed,
    steps,
    holder,
    due,
    overdue: figure?.overdue ?? false,
    extension: r.extension_days > 0 ? { days: r.extension_days, reason: r.extension_reason } : null,
    outcome: r.outcome
      ? {
          code: r.outcome,
          text: OUTCOME_TEXT[r.outcome],
          reason: r.outcome_reason,
          legalGround: r.legal_ground,
        }
      : null,
    answeredAt: r.answered_at ? new Date(r.answered_at) : null,
    datasetId: r.dataset_id,
    file:
      r.file_key && r.outcome === 'delivered_file'
        ? { name: r.file_name ?? 'data', expiresAt: fileExpires, expired: !!fileExpires && now > fileExpires }
        : null,
    objection: r.objection_at
      ? {
          filedAt: new Date(r.objection_at),
          reason: r.objection_reason,
          due: objectionDue(calendar, new Date(r.objection_at)),
          answeredAt: r.objection_answered_at ? new Date(r.objection_answered_at) : null,
          decision: r.objection_decision,
          answer: r.objection_answer,
        }
      : null,
    objectionOpenUntil: !r.objection_at && windowEnd && now <= windowEnd ? windowEnd : null,
    rated: r.rated_at !== null,
    messages: (await messagesOf(db, r.id)).map((m) => ({
      at: new Date(m.created_at),
      text: { id: m.body_id, en: m.body_en },
    })),
  };
}

/** The JSON form of a due explanation (API). */
export function dueJson(d: DueExplanation | null) {
  return d
    ? {
        filed_at: d.filedAt.toISOString(),
        count_from: d.countFrom.toISOString(),
        working_days: d.days,
        due: d.due.toISOString(),
        holidays_skipped: d.holidaysSkipped.map((h) => ({ date: h.date, name: h.name })),
        closed_weekdays_skipped: d.closedWeekdaysSkipped,
      }
    : null;
}

/** The requester's view as API JSON (no personal data). */
export function publicJson(v: PublicRequestView) {
  return {
    code: v.code,
    state: v.state,
    asked: v.asked,
    filed_at: v.filedAt?.toISOString() ?? null,
    holder: v.holder,
    steps: v.steps.map((s) => ({ title: s.title, unit: s.unit, done: s.done, at: s.at.toISOString() })),
    due: dueJson(v.due),
    overdue: v.overdue,
    extension: v.extension,
    outcome: v.outcome,
    answered_at: v.answeredAt?.toISOString() ?? null,
    file: v.file
      ? { name: v.file.name, expires_at: v.file.expiresAt?.toISOString() ?? null, expired: v.file.expired }
      : null,
    objection: v.objection
      ? {
          filed_at: v.objection.filedAt.toISOString(),
          due: dueJson(v.objection.due),
          answered_at: v.objection.answeredAt?.toISOString() ?? null,
          decision: v.objection.decision,
          answer: v.objection.answer,
        }
      : null,
    objection_open_until: v.objectionOpenUntil?.toISOString() ?? null,
    rated: v.rated,
    messages: v.messages.map((m) => ({ at: m.at.toISOString(), text: m.text })),
  };
}
