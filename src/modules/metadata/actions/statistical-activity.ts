import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { refreshMetadataSummary } from '../dataset-metadata.js';
import { MS_KEG } from '../domain/ms-keg.js';
import {
  datasetIdsByActivity,
  findActivityByCode,
  findStatisticalActivity,
  insertStatisticalActivity,
  listStatisticalActivities,
  updateStatisticalActivity,
} from '../statistical-activity.repository.js';
import { checkedAnswers, FormAnswers, OptionalDate, OptionalText } from './metadata-input.js';

export const ACTIVITY_NOT_FOUND = {
  id: 'Kegiatan statistik tidak ditemukan',
  en: 'Statistical activity not found',
};

/** An activity's columns and its MS-Keg answers. `title` is MS-Keg's Judul Kegiatan. */
const ActivityFields = z.object({
  title: z.string().trim().min(1, 'Judul kegiatan wajib diisi / Activity title is required').max(500),
  activity_code: OptionalText(50),
  recommendation_status: z
    .enum(['none', 'submitted', 'revision', 'recommended', 'not_required'])
    .default('none'),
  recommendation_number: OptionalText(200),
  recommendation_date: OptionalDate,
  ms_keg: FormAnswers.default({}),
});
type ActivityInput = z.infer<typeof ActivityFields>;

async function checkCode(db: Kysely<DB>, code: string | null, selfId: string | null): Promise<void> {
  if (!code) return;
  const other = await findActivityByCode(db, code);
  if (other && other.id !== selfId)
    throw new ConflictError({
      id: `Kode kegiatan ${code} sudah dipakai kegiatan "${other.title}"`,
      en: `Activity code ${code} is already used by "${other.title}"`,
    });
}

function activityRow(input: ActivityInput) {
  if (input.recommendation_status === 'recommended' && !input.recommendation_number)
    throw new ValidationError({
      recommendation_number: [
        {
          id: 'Nomor surat rekomendasi wajib bila direkomendasikan',
          en: 'A recommended activity needs its letter number',
        },
      ],
    });
  const ms = checkedAnswers(MS_KEG, { ...input.ms_keg, judul_kegiatan: input.title });
  return {
    title: input.title,
    activity_code: input.activity_code,
    recommendation_status: input.recommendation_status,
    recommendation_number: input.recommendation_number,
    recommendation_date: input.recommendation_date ?? null,
    ms_keg: JSON.stringify(ms),
  };
}

export const statisticalActivityCreate = defineAction({
  name: 'statistical_activity_create',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: ActivityFields.extend({ agency_id: z.string().uuid().optional() }),
  authorize: (ctx, input) =>
    authorize(ctx.actor, 'metadata:update', { agencyId: input.agency_id ?? ctx.actor.agencyId }),
  async run(ctx, input) {
    const agencyId = input.agency_id ?? ctx.actor.agencyId;
    if (!agencyId)
      throw new ValidationError({
        agency_id: [{ id: 'Perangkat daerah wajib diisi', en: 'Agency is required' }],
      });
    await checkCode(ctx.db, input.activity_code, null);
    const row = activityRow(input);
    return mutate(ctx, async (trx, audit) => {
      const a = await insertStatisticalActivity(trx, { ...row, agency_id: agencyId });
      await audit({
        action: 'statistical_activity_create',
        subjectType: 'statistical_activity',
        subjectId: a.id,
        summary: { title: a.title, activity_code: a.activity_code, agency_id: agencyId },
      });
      return a;
    });
  },
});

export const statisticalActivityUpdate = defineAction({
  name: 'statistical_activity_update',
  requires: 'metadata:update',
  sideEffectFree: false,
  input: ActivityFields.extend({ id: z.string().uuid() }),
  // The activity is loaded once, locked, in run()'s transaction, and authorized there.
  authorize: () => {},
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const before = await findStatisticalActivity(trx, input.id, { forUpdate: true });
      if (!before) throw new NotFoundError(ACTIVITY_NOT_FOUND);
      authorize(ctx.actor, 'metadata:update', { agencyId: before.agency_id });
      await checkCode(trx, input.activity_code, input.id);
      const row = activityRow(input);
      const a = await updateStatisticalActivity(trx, input.id, row);
      await audit({
        action: 'statistical_activity_update',
        subjectType: 'statistical_activity',
        subjectId: a.id,
        summary: {
          title: a.title,
          activity_code: a.activity_code,
          recommendation_status: a.recommendation_status,
        },
      });
      // Every year of the series shows the same activity: refresh them all.
      await refreshMetadataSummary(trx, await datasetIdsByActivity(trx, a.id));
      return a;
    });
  },
});

export const statisticalActivityShow = defineAction({
  name: 'statistical_activity_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().uuid() }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const a = await findStatisticalActivity(ctx.db, input.id);
    if (!a) throw new NotFoundError(ACTIVITY_NOT_FOUND);
    return a;
  },
});

export const statisticalActivityList = defineAction({
  name: 'statistical_activity_list',
  sideEffectFree: true,
  input: z.object({
    agency_id: z.string().uuid().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  run: (ctx, input) =>
    listStatisticalActivities(ctx.db, {
      agencyId: input.agency_id ?? null,
      limit: input.limit,
      offset: input.offset,
    }),
});
