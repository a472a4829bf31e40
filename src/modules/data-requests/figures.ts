import type { Kysely } from 'kysely';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type {
  DataRequest,
  DataRequestOutcome,
  ObjectionDecision,
} from '../../kernel/db/schema/data-requests.js';
import type { DB } from '../../kernel/db/schema.js';
import { loadCalendar } from '../workflows/index.js';
import { requestsFiledBetween } from './data-requests.repository.js';
import { answerDue, ikmIndex, objectionDue, workingDaysTaken } from './domain/legal-clock.js';

/**
 * The request service in figures, one row per verified request: what the evaluation (issue 16)
 * and the public statistics page read. No personal data. The signature is kept stable.
 */
export interface RequestFigure {
  id: string;
  code: string;
  agencyId: string | null;
  /** When the request counted (its e-mail confirmed): the legal clock's start. */
  filedAt: Date;
  /** When staff answered it (delivered or closed as not available); null while open. */
  answeredAt: Date | null;
  /** Working days from filing to the answer (or to now / `asOf` while open). */
  workingDaysTaken: number;
  /** The legal due time (10 working days, 17 when extended). */
  dueAt: Date;
  extended: boolean;
  /** Answered by the due time (open requests: not yet past it). */
  onTime: boolean;
  /** Open and past its due time. */
  overdue: boolean;
  outcome: DataRequestOutcome | null;
  objection: {
    filedAt: Date;
    dueAt: Date;
    answeredAt: Date | null;
    decision: ObjectionDecision | null;
  } | null;
  /** The IKM survey: 9 scores 1–4 and the index (mean × 25), when the requester rated. */
  rating: { scores: number[]; index: number } | null;
}

/** One request as a figure, on the given calendar and clock. */
export function figureOf(calendar: WorkingCalendar, r: DataRequest, asOf: Date): RequestFigure | null {
  if (!r.verified_at) return null;
  const filedAt = new Date(r.verified_at);
  const dueAt = r.answer_due_at
    ? new Date(r.answer_due_at)
    : answerDue(calendar, filedAt, r.extension_days).due;
  const answeredAt = r.answered_at ? new Date(r.answered_at) : null;
  const end = answeredAt ?? asOf;
  const scores = Array.isArray(r.rating) ? (r.rating as number[]) : null;
  return {
    id: r.id,
    code: r.code,
    agencyId: r.agency_id,
    filedAt,
    answeredAt,
    workingDaysTaken: workingDaysTaken(calendar, filedAt, end),
    dueAt,
    extended: r.extension_days > 0,
    onTime: end.getTime() <= dueAt.getTime(),
    overdue: !answeredAt && asOf.getTime() > dueAt.getTime(),
    outcome: r.outcome,
    objection: r.objection_at
      ? {
          filedAt: new Date(r.objection_at),
          dueAt: r.objection_due_at
            ? new Date(r.objection_due_at)
            : objectionDue(calendar, new Date(r.objection_at)).due,
          answeredAt: r.objection_answered_at ? new Date(r.objection_answered_at) : null,
          decision: r.objection_decision,
        }
      : null,
    rating: scores ? { scores, index: ikmIndex(scores) } : null,
  };
}

/**
 * Figures of the requests filed in [from, to), optionally of one agency (the agency the request
 * was routed to). `asOf` is "now" for open requests (tests pass a fixed clock).
 */
export async function requestServiceFigures(
  db: Kysely<DB>,
  opts: { from: Date; to: Date; agencyId?: string | null; asOf?: Date },
): Promise<RequestFigure[]> {
  const calendar = await loadCalendar(db);
  const asOf = opts.asOf ?? new Date();
  const rows = await requestsFiledBetween(db, opts.from, opts.to, opts.agencyId ?? null);
  return rows.map((r) => figureOf(calendar, r, asOf)).filter((f): f is RequestFigure => f !== null);
}
