import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';
import { updateRequest } from '../data-requests.repository.js';
import { answerDue, EXTENSION_DAYS } from '../domain/legal-clock.js';
import { agencyName } from '../request-choices.repository.js';
import { actStep, tellRequester } from '../request-flow.js';
import { actStepIfAt, handle, note, stillOpen, uuid } from './request-handling.js';

/** Staff moving a request along: disposition to a staff member, routing to an agency, extending its due time. */

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
