import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { CLASSIFICATIONS, type Classification } from '../../../kernel/db/schema/sdi.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import {
  assertPublishable,
  canSeeDataset,
  DATASET_NOT_FOUND,
  findDataset,
  grantedAgencies,
  loadVisibleDataset,
} from '../../catalog/index.js';

const ClassificationSchema = z.enum(CLASSIFICATIONS as [Classification, ...Classification[]]);

const agencyList = z
  .union([z.array(z.string().trim().min(1)), z.string()])
  .optional()
  .transform((v) =>
    v === undefined
      ? undefined
      : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s !== ''),
  );

/**
 * Set a dataset's access classification (terbuka / terbatas / tertutup) and, for restricted
 * data, the agencies it is shared with. A public dataset cannot become restricted or closed:
 * take it out of publication first (only open data is ever public).
 */
export const datasetClassificationSet = defineAction({
  name: 'dataset_classification_set',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z.object({
    id: z.string().trim().min(1),
    classification: ClassificationSchema,
    shared_with: agencyList,
  }),
  async authorize(ctx, input) {
    const d = await findDataset(ctx.db, input.id);
    if (!d || d.state === 'deleted' || !canSeeDataset(ctx.actor, d))
      throw new NotFoundError(DATASET_NOT_FOUND);
    authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
  },
  async run(ctx, input) {
    const d = await findDataset(ctx.db, input.id);
    if (!d) throw new NotFoundError(DATASET_NOT_FOUND);
    assertPublishable({ classification: input.classification, private: d.private });
    const wanted =
      input.shared_with ?? (input.classification === 'restricted' ? await grantedAgencies(ctx.db, d.id) : []);
    if (wanted.length && input.classification !== 'restricted')
      throw new ValidationError({
        shared_with: [
          {
            id: 'Hanya data terbatas yang dibagikan ke perangkat daerah tertentu',
            en: 'Only restricted data is shared with named agencies',
          },
        ],
      });
    const agencies = wanted.length
      ? await ctx.db
          .selectFrom('agency')
          .select(['id', 'code', 'name'])
          .where((eb) =>
            eb.or([
              eb('code', 'in', wanted),
              ...(wanted.some((w) => /^[0-9a-f-]{36}$/i.test(w))
                ? [
                    eb(
                      'id',
                      'in',
                      wanted.filter((w) => /^[0-9a-f-]{36}$/i.test(w)),
                    ),
                  ]
                : []),
            ]),
          )
          .execute()
      : [];
    const unknown = wanted.filter((w) => !agencies.some((a) => a.code === w || a.id === w));
    if (unknown.length)
      throw new ValidationError({
        shared_with: [
          {
            id: `Perangkat daerah tidak ditemukan: ${unknown.join(', ')}`,
            en: `Agencies not found: ${unknown.join(', ')}`,
          },
        ],
      });
    const shared = agencies.filter((a) => a.id !== d.agency_id);
    return mutate(ctx, async (trx, audit) => {
      await trx
        .updateTable('dataset')
        .set({ classification: input.classification, metadata_modified: new Date() })
        .where('id', '=', d.id)
        .execute();
      await trx.deleteFrom('dataset_access_grant').where('dataset_id', '=', d.id).execute();
      if (shared.length)
        await trx
          .insertInto('dataset_access_grant')
          .values(shared.map((a) => ({ dataset_id: d.id, agency_id: a.id })))
          .execute();
      await audit({
        action: 'dataset_classification_set',
        subjectType: 'dataset',
        subjectId: d.id,
        summary: {
          classification: { from: d.classification, to: input.classification },
          shared_with: shared.map((a) => a.code),
        },
      });
      return {
        id: d.id,
        name: d.name,
        classification: input.classification,
        shared_with: shared.map((a) => ({ id: a.id, code: a.code, name: a.name })),
      };
    });
  },
});

/** The classification of a dataset and of each column of its tables, and who it is shared with. */
export const datasetClassificationShow = defineAction({
  name: 'dataset_classification_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().trim().min(1) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const d = await loadVisibleDataset(ctx, input.id);
    const [grants, resources] = await Promise.all([
      ctx.db
        .selectFrom('dataset_access_grant')
        .innerJoin('agency', 'agency.id', 'dataset_access_grant.agency_id')
        .select(['agency.id', 'agency.code', 'agency.name'])
        .where('dataset_access_grant.dataset_id', '=', d.id)
        .orderBy('agency.code')
        .execute(),
      ctx.db
        .selectFrom('resource')
        .select(['id', 'name', 'table_schema'])
        .where('dataset_id', '=', d.id)
        .where('state', '=', 'active')
        .orderBy('position')
        .execute(),
    ]);
    return {
      id: d.id,
      name: d.name,
      classification: d.classification,
      private: d.private,
      shared_with: grants,
      resources: resources
        .filter((r) => r.table_schema)
        .map((r) => ({
          id: r.id,
          name: r.name,
          columns: (r.table_schema as TableSchema).fields.map((f) => ({
            name: f.name,
            classification: f['x-classification'] ?? null,
          })),
        })),
    };
  },
});

export const CLASSIFICATION_ACTIONS = [datasetClassificationSet, datasetClassificationShow];
