import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DataRequest, DataRequestOutcome } from '../../../kernel/db/schema/data-requests.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { loadCalendar } from '../../workflows/index.js';
import { serviceNow } from '../clock.js';
import { updateRequest } from '../data-requests.repository.js';
import { answerDue, EXTENSION_DAYS } from '../domain/legal-clock.js';
import { OUTCOME_TEXT } from '../outcomes.js';
import { agencyName, publicDataset } from '../request-choices.repository.js';
import { actStep, currentStep, requireRequest, runEnv, tellRequester } from '../request-flow.js';

const uuid = z.string().uuid('Pilihan tidak dikenal / Unknown choice');
const optionalUuid = z.preprocess((v) => (v === '' ? undefined : v), uuid.optional());
const note = z.string().trim().max(4000).default('');
/** How long a delivered file's link stays open. */
export const FILE_LINK_DAYS = 30;

type HandleCtx = ActionContext;

/** One handling step: load and lock the request, act, tell the requester, audit; mail after commit. */
async function handle<T>(
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

function stillOpen(r: DataRequest): void {
  if (r.state !== 'open')
    throw new ConflictError({
      id: 'Permintaan ini sudah dijawab',
      en: 'This request has already been answered',
    });
}

/** Step 2: the sub-coordinator assigns a staff member (disposition). */
export const dataRequestAssign = defineAction({
  name: 'data_request_assign',
  sideEffectFree: false,
  requires: 'data_request:handle',
  input: z.object({ id: uuid, assignee_id: uuid, note }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:handle'),
  run: (ctx, input) =>
    handle(ctx, input.id, async (env, r) => {
      stillOpen(r);
      await actStep(env, r, ['assign_staff'], {
        outcome: 'done',
        note: input.note,
        choice: { userId: input.assignee_id },
      });
      await env.audit({
        action: 'data_request_assign',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { assignee: input.assignee_id },
      });
      await tellRequester(
        env.trx,
        r,
        'assigned',
        {
          id: 'Permintaan Anda sudah didisposisikan kepada petugas Bidang Statistik untuk diperiksa.',
          en: 'Your request has been assigned to a statistics officer to check.',
        },
        env,
      );
      return { id: r.id, step: 'check_availability' };
    }),
});

/**
 * Steps 3–4: the data is not at hand; the request goes to the agency that holds it, whose
 * producers (and only theirs) get steps 5–6.
 */
export const dataRequestRoute = defineAction({
  name: 'data_request_route',
  sideEffectFree: false,
  requires: 'data_request:handle',
  input: z.object({ id: uuid, agency_id: uuid, note }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:handle'),
  run: (ctx, input) =>
    handle(ctx, input.id, async (env, r) => {
      stillOpen(r);
      const agency = await agencyName(env.trx, input.agency_id);
      if (!agency)
        throw new ValidationError({
          agency_id: [{ id: 'Perangkat daerah tidak dikenal', en: 'Unknown agency' }],
        });
      const open = await actStepIfAt(env, r, 'check_availability', 'not_available', input.note);
      await actStep(env, open, ['contact_agency'], {
        outcome: 'done',
        note: input.note,
        choice: { agencyId: agency.id },
      });
      const routed = await updateRequest(env.trx, r.id, { agency_id: agency.id });
      await env.audit({
        action: 'data_request_route',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { agency: agency.short_name },
      });
      await tellRequester(
        env.trx,
        routed,
        'routed',
        {
          id: `Data yang Anda minta dipegang ${agency.name}; permintaan sudah diteruskan ke sana.`,
          en: `The data you asked for is held by ${agency.name}; the request has been passed on to it.`,
        },
        env,
      );
      return { id: r.id, agency_id: agency.id, step: 'agency_confirms' };
    }),
});

/** Act on `step` with `outcome` when the run is there; return the request either way. */
async function actStepIfAt(
  env: ReturnType<typeof runEnv>,
  r: DataRequest,
  step: string,
  outcome: string,
  n: string,
) {
  if ((await currentStep(env.trx, r)) === step) await actStep(env, r, [step], { outcome, note: n });
  return r;
}

/**
 * Step 8 (and 3 or 7 before it): deliver to the requester — a published dataset's link, or the
 * file the agency sent (or one staff attach), behind a link that expires.
 */
export const dataRequestDeliver = defineAction({
  name: 'data_request_deliver',
  sideEffectFree: false,
  requires: 'data_request:handle',
  input: z.object({ id: uuid, dataset_id: optionalUuid, note }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:handle'),
  run: (ctx, input) =>
    handle(ctx, input.id, async (env, r) => {
      stillOpen(r);
      const dataset = input.dataset_id ? await publicDataset(env.trx, input.dataset_id) : undefined;
      if (input.dataset_id && !dataset)
        throw new ValidationError({
          dataset_id: [
            {
              id: 'Dataset tidak ada atau belum terbit untuk publik',
              en: 'No such published public dataset',
            },
          ],
        });
      if (!dataset && !r.file_key)
        throw new ValidationError({
          dataset_id: [
            {
              id: 'Pilih dataset yang sudah terbit, atau tunggu berkas dari perangkat daerah',
              en: 'Choose a published dataset, or wait for the agency’s file',
            },
          ],
        });
      await actStepIfAt(env, r, 'check_availability', 'available', input.note);
      await actStepIfAt(env, r, 'hand_to_staff', 'done', input.note);
      await actStep(env, r, ['deliver_result'], { outcome: 'done', note: input.note });
      const outcome: DataRequestOutcome = dataset ? 'delivered_dataset' : 'delivered_file';
      const answered = await answer(env, r, outcome, {
        dataset_id: dataset?.id ?? null,
        file_expires_at: dataset ? null : new Date(env.now.getTime() + FILE_LINK_DAYS * 86_400_000),
        outcome_reason: input.note || null,
      });
      const where = dataset ? `${env.siteUrl}/dataset/${dataset.name}` : null;
      await tellRequester(
        env.trx,
        answered,
        'delivered',
        {
          id: where
            ? `Data Anda tersedia sebagai dataset terbuka: ${where}${input.note ? `\n${input.note}` : ''}`
            : `Data Anda sudah dikirim: unduh berkasnya dari halaman status (tautan berlaku ${FILE_LINK_DAYS} hari).${input.note ? `\n${input.note}` : ''}`,
          en: where
            ? `Your data is available as an open dataset: ${where}${input.note ? `\n${input.note}` : ''}`
            : `Your data has been sent: download the file from the status page (the link works for ${FILE_LINK_DAYS} days).${input.note ? `\n${input.note}` : ''}`,
        },
        env,
      );
      return { id: r.id, outcome };
    }),
});

/** Record the answer (delivered or not available), freezing the legal due time it was judged by. */
async function answer(
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

export const CLOSE_REASONS = ['not_held', 'exempt', 'not_yet_produced'] as const;

/**
 * Step 9: close as not available, with a reason the law knows: not held, exempt (with its
 * legal ground, UU 14/2008 art. 17), or not yet produced (proposed for next year's data list).
 */
export const dataRequestClose = defineAction({
  name: 'data_request_close',
  sideEffectFree: false,
  requires: 'data_request:handle',
  input: z.object({
    id: uuid,
    reason: z.enum(CLOSE_REASONS, { error: 'Pilih alasan / Choose a reason' }),
    legal_ground: z.string().trim().max(500).default(''),
    note: z.string().trim().min(1, 'Jelaskan kepada pemohon / Explain to the requester').max(4000),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:handle'),
  run: (ctx, input) =>
    handle(ctx, input.id, async (env, r) => {
      stillOpen(r);
      if (input.reason === 'exempt' && !input.legal_ground)
        throw new ValidationError({
          legal_ground: [
            { id: 'Sebutkan dasar hukum pengecualian', en: 'Name the legal ground of the exemption' },
          ],
        });
      await actStep(env, r, ['confirm_closure'], { outcome: 'done', note: input.note });
      const closed = await answer(env, r, input.reason, {
        outcome_reason: input.note,
        legal_ground: input.legal_ground || null,
      });
      const why = OUTCOME_TEXT[input.reason];
      await tellRequester(
        env.trx,
        closed,
        'not_available',
        {
          id: `Data yang Anda minta tidak tersedia: ${why.id}.${input.legal_ground ? ` Dasar hukum: ${input.legal_ground}.` : ''}\n${input.note}\nAnda dapat mengajukan keberatan dalam 30 hari kerja dari halaman status.`,
          en: `The data you asked for is not available: ${why.en}.${input.legal_ground ? ` Legal ground: ${input.legal_ground}.` : ''}\n${input.note}\nYou may object within 30 working days from the status page.`,
        },
        env,
      );
      return { id: r.id, outcome: input.reason };
    }),
});

/** Extend the answer's due time once by 7 working days, with a reason shown to the requester. */
export const dataRequestExtend = defineAction({
  name: 'data_request_extend',
  sideEffectFree: false,
  requires: 'data_request:handle',
  input: z.object({
    id: uuid,
    reason: z.string().trim().min(5, 'Alasan perpanjangan wajib diisi / A reason is required').max(2000),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'data_request:handle'),
  run: (ctx, input) =>
    handle(ctx, input.id, async (env, r) => {
      stillOpen(r);
      if (r.extension_days > 0)
        throw new ConflictError({
          id: 'Perpanjangan hanya boleh sekali',
          en: 'The due time can be extended only once',
        });
      const extended = await updateRequest(env.trx, r.id, {
        extension_days: EXTENSION_DAYS,
        extension_reason: input.reason,
        extended_at: env.now,
      });
      const due = answerDue(env.calendar, new Date(r.verified_at as Date), EXTENSION_DAYS).due;
      await env.audit({
        action: 'data_request_extend',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { reason: input.reason, due: due.toISOString() },
      });
      const tz = env.calendar.timeZone;
      await tellRequester(
        env.trx,
        extended,
        'extended',
        {
          id: `Waktu jawaban diperpanjang 7 hari kerja, sampai ${formatDateTime('id', due, tz)}. Alasan: ${input.reason}`,
          en: `The answer's due time is extended by 7 working days, to ${formatDateTime('en', due, tz)}. Reason: ${input.reason}`,
        },
        env,
      );
      return { id: r.id, due };
    }),
});
