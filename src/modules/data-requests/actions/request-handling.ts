import { z } from 'zod';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DataRequest, DataRequestOutcome } from '../../../kernel/db/schema/data-requests.js';
import { ConflictError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { loadCalendar } from '../../workflows/index.js';
import { serviceNow } from '../clock.js';
import { updateRequest } from '../data-requests.repository.js';
import { answerDue } from '../domain/legal-clock.js';
import { actStep, currentStep, requireRequest, runEnv } from '../request-flow.js';

/** What the staff handling actions share: the one handling step, its guards and the recorded answer. */

export const uuid = z.string().uuid('Pilihan tidak dikenal / Unknown choice');

export const optionalUuid = z.preprocess((v) => (v === '' ? undefined : v), uuid.optional());

export const note = z.string().trim().max(4000).default('');

/** How long a delivered file's link stays open. */
export const FILE_LINK_DAYS = 30;

export type HandleCtx = ActionContext;

/** One handling step: load and lock the request, act, tell the requester, audit; mail after commit. */
export async function handle<T>(
  ctx: HandleCtx,
  id: string,
  change: (env: ReturnType<typeof runEnv>, r: DataRequest) => Promise<T>,
): Promise<T> {
  const calendar = await loadCalendar(ctx.db);
  const now = serviceNow();
  const out = await mutate(ctx, async (trx, audit) => {
    const r = await requireRequest(trx, id, true);
    return change(runEnv(trx, audit, ctx.actor, calendar, now, ctx.siteUrl ?? ''), r);
  });
  await deliverPendingMail(ctx.db);
  return out;
}

export function stillOpen(r: DataRequest): void {
  if (r.state !== 'open')
    throw new ConflictError({
      id: 'Permintaan ini sudah dijawab',
      en: 'This request has already been answered',
    });
}

/** Act on `step` with `outcome` when the run is there; return the request either way. */
export async function actStepIfAt(
  env: ReturnType<typeof runEnv>,
  r: DataRequest,
  step: string,
  outcome: string,
  n: string,
) {
  if ((await currentStep(env.trx, r)) === step) await actStep(env, r, [step], { outcome, note: n });
  return r;
}

/** Record the answer (delivered or not available), freezing the legal due time it was judged by. */
export async function answer(
  env: ReturnType<typeof runEnv>,
  r: DataRequest,
  outcome: DataRequestOutcome,
  patch: Parameters<typeof updateRequest>[2],
) {
  const due = answerDue(env.calendar, new Date(r.verified_at as Date), r.extension_days).due;
  const updated = await updateRequest(env.trx, r.id, {
    ...patch,
    state: outcome.startsWith('delivered') ? 'delivered' : 'not_available',
    outcome,
    answered_at: env.now,
    answer_due_at: due,
  });
  await env.audit({
    action: 'data_request_answer',
    subjectType: 'data_request',
    subjectId: r.id,
    summary: { outcome, on_time: env.now.getTime() <= due.getTime() },
  });
  return updated;
}
