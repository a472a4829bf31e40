import { z } from 'zod';
import { can } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { StoredUploadSchema } from '../../../kernel/storage/stored-upload.js';
import { loadCalendar } from '../../workflows/index.js';
import { serviceNow } from '../clock.js';
import { updateRequest } from '../data-requests.repository.js';
import { publicDataset } from '../request-choices.repository.js';
import { actStep, requireRequest, runEnv, tellRequester } from '../request-flow.js';

/**
 * Steps 5–6, the producing agency: confirm whether it holds the data and, if so, send it (a file,
 * or a published dataset). Only producers of the agency the request was routed to may answer;
 * anyone else is told the request does not exist.
 */
export const dataRequestRespond = defineAction({
  name: 'data_request_respond',
  sideEffectFree: false,
  acceptsUpload: true,
  requires: 'data_request:respond',
  input: z.object({
    id: z.string().uuid(),
    available: z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 'yes', z.boolean()),
    dataset_id: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid().optional()),
    reason: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['not_held', 'exempt', 'not_yet_produced']).optional(),
    ),
    note: z.string().trim().max(4000).default(''),
    upload: StoredUploadSchema.optional(),
  }),
  // The agency is known only once the request is loaded: run() judges the locked row.
  authorize: () => {},
  async run(ctx, input) {
    const calendar = await loadCalendar(ctx.db);
    const now = serviceNow();
    const out = await mutate(ctx, async (trx, audit) => {
      const r = await requireRequest(trx, input.id, true);
      // Routed elsewhere (or not yet): to this producer the request does not exist.
      if (!r.agency_id || !can(ctx.actor, 'data_request:respond', { agencyId: r.agency_id }))
        throw new NotFoundError({ id: 'Permintaan data tidak ditemukan', en: 'Data request not found' });
      if (r.state !== 'open')
        throw new ConflictError({
          id: 'Permintaan ini sudah dijawab',
          en: 'This request has already been answered',
        });
      const env = runEnv(trx, audit, ctx.actor, calendar, now, ctx.siteUrl ?? '');
      if (!input.available) {
        if (!input.reason)
          throw new ValidationError({
            reason: [{ id: 'Pilih alasan data tidak tersedia', en: 'Choose why the data is not available' }],
          });
        await actStep(env, r, ['agency_confirms'], { outcome: 'not_available', note: input.note });
        await updateRequest(trx, r.id, {
          proposed_outcome: input.reason,
          outcome_reason: input.note || null,
        });
        await audit({
          action: 'data_request_respond',
          subjectType: 'data_request',
          subjectId: r.id,
          summary: { available: false, reason: input.reason },
        });
        return { id: r.id, available: false };
      }
      const dataset = input.dataset_id ? await publicDataset(trx, input.dataset_id) : undefined;
      if (input.dataset_id && !dataset)
        throw new ValidationError({
          dataset_id: [{ id: 'Dataset tidak ada atau belum terbit', en: 'No such published dataset' }],
        });
      if (!dataset && !input.upload)
        throw new ValidationError({
          upload: [
            {
              id: 'Lampirkan berkas data atau pilih dataset yang sudah terbit',
              en: 'Attach the data file or choose a published dataset',
            },
          ],
        });
      await actStep(env, r, ['agency_confirms'], { outcome: 'available', note: input.note });
      const files = input.upload ? [{ key: input.upload.key, name: input.upload.fileName }] : [];
      await actStep(env, r, ['agency_sends_data'], {
        outcome: 'done',
        note: input.note || (dataset?.title ?? ''),
        files,
      });
      const updated = await updateRequest(trx, r.id, {
        file_key: input.upload?.key ?? null,
        file_name: input.upload?.fileName ?? null,
        dataset_id: dataset?.id ?? null,
      });
      await audit({
        action: 'data_request_respond',
        subjectType: 'data_request',
        subjectId: r.id,
        summary: { available: true, file: input.upload?.fileName ?? null },
      });
      await tellRequester(
        trx,
        updated,
        'agency_sent',
        {
          id: 'Perangkat daerah pemegang data sudah mengirim datanya; petugas sedang menyiapkan penyampaian kepada Anda.',
          en: 'The agency holding the data has sent it; staff are preparing to deliver it to you.',
        },
        env,
      );
      return { id: r.id, available: true };
    });
    await deliverPendingMail(ctx.db);
    return out;
  },
});
