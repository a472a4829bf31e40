import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { DataRequestOutcome } from '../../../kernel/db/schema/data-requests.js';
import { ValidationError } from '../../../kernel/errors.js';
import { OUTCOME_TEXT } from '../outcomes.js';
import { publicDataset } from '../request-choices.repository.js';
import { actStep, tellRequester } from '../request-flow.js';
import {
  actStepIfAt,
  answer,
  FILE_LINK_DAYS,
  handle,
  note,
  optionalUuid,
  stillOpen,
  uuid,
} from './request-handling.js';

/** Staff answering a request: delivering the data, or closing it as not available. */

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
