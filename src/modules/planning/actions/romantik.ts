import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { StoredUploadSchema } from '../../../kernel/storage/stored-upload.js';
import { loadCalendar } from '../../workflows/index.js';
import { romantikDue } from '../domain/romantik.js';
import { lockStatisticalActivity, updateStatisticalActivity } from '../romantik.repository.js';
import { Text, Uuid } from './common.js';

/**
 * Romantik (STANDARDS.md §3.6) per statistical activity: the agency records the day it
 * submitted its FS3 to BPS (the 30-working-day clock starts), and BPS records its answer — the
 * recommendation status, letter number and date, the signed letter (kept in the file store)
 * and the BPS activity code.
 */

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus YYYY-MM-DD / Date must be YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Tanggal tidak valid / Invalid date');

function notFound(): NotFoundError {
  return new NotFoundError({
    id: 'Kegiatan statistik tidak ditemukan',
    en: 'Statistical activity not found',
  });
}

/** The agency (or the custodian) records the day its FS3 went to BPS: the activity waits for BPS. */
export const statisticalActivityFs3Record = defineAction({
  name: 'statistical_activity_fs3_record',
  sideEffectFree: false,
  requires: 'metadata:update',
  input: z.object({ id: Uuid('kegiatan statistik / statistical activity'), submitted_on: IsoDate }),
  // The activity is loaded once, locked, in run()'s transaction, and authorized there.
  authorize: () => {},
  async run(ctx, input) {
    if (input.submitted_on > new Date().toISOString().slice(0, 10))
      throw new ValidationError({
        submitted_on: [
          {
            id: 'Tanggal pengajuan FS3 tidak boleh di masa depan',
            en: 'The FS3 submission date cannot be in the future',
          },
        ],
      });
    return mutate(ctx, async (trx, audit) => {
      const a = await lockStatisticalActivity(trx, input.id);
      if (!a) throw notFound();
      authorize(ctx.actor, 'metadata:update', { agencyId: a.agency_id });
      // A revised FS3 sent again waits for BPS anew; an answered one keeps its answer.
      const status =
        a.recommendation_status === 'none' || a.recommendation_status === 'revision'
          ? 'submitted'
          : a.recommendation_status;
      await updateStatisticalActivity(trx, a.id, {
        fs3_submitted_on: input.submitted_on,
        recommendation_status: status,
        updated_at: new Date(),
      });
      const due = romantikDue(await loadCalendar(trx), input.submitted_on);
      await audit({
        action: 'statistical_activity_fs3_record',
        subjectType: 'statistical_activity',
        subjectId: a.id,
        summary: { submitted_on: input.submitted_on, status, answer_due: due.toISOString() },
      });
      return { id: a.id, status, answer_due: due.toISOString() };
    });
  },
});

/** BPS records its recommendation on a statistical activity, with the signed letter. */
export const statisticalActivityRecommendationSet = defineAction({
  name: 'statistical_activity_recommendation_set',
  sideEffectFree: false,
  requires: 'data_list:recommend',
  acceptsUpload: true,
  input: z.object({
    id: Uuid('kegiatan statistik / statistical activity'),
    status: z.enum(['submitted', 'revision', 'recommended', 'not_required'], {
      error: 'Status rekomendasi tidak dikenal / Unknown recommendation status',
    }),
    number: z.preprocess((v) => (v === '' ? undefined : v), Text(200).optional()),
    date: z.preprocess((v) => (v === '' ? undefined : v), IsoDate.optional()),
    activity_code: z.preprocess((v) => (v === '' ? undefined : v), Text(100).optional()),
    /** The signed recommendation letter (PDF or scan). */
    upload: StoredUploadSchema.optional(),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'data_list:recommend'),
  async run(ctx, input) {
    if (input.status === 'recommended' && (!input.number || !input.date))
      throw new ValidationError({
        number: [
          {
            id: 'Nomor dan tanggal surat rekomendasi wajib diisi',
            en: 'The letter number and date are required',
          },
        ],
      });
    return mutate(ctx, async (trx, audit) => {
      const a = await lockStatisticalActivity(trx, input.id);
      if (!a) throw notFound();
      await updateStatisticalActivity(trx, a.id, {
        recommendation_status: input.status,
        recommendation_number: input.number ?? null,
        recommendation_date: input.date ?? null,
        ...(input.upload
          ? { recommendation_letter_key: input.upload.key, recommendation_letter_name: input.upload.fileName }
          : {}),
        ...(input.activity_code ? { activity_code: input.activity_code } : {}),
        updated_at: new Date(),
      });
      await audit({
        action: 'statistical_activity_recommendation_set',
        subjectType: 'statistical_activity',
        subjectId: a.id,
        summary: {
          status: input.status,
          number: input.number ?? null,
          date: input.date ?? null,
          ...(input.upload ? { letter: input.upload.fileName } : {}),
        },
      });
      return { id: a.id, status: input.status, letter: input.upload?.fileName ?? null };
    });
  },
});
