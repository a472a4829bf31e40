import type { Kysely } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { CLASSIFICATIONS, type Classification } from '../../../kernel/db/schema/sdi.js';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import {
  assertPublishable,
  canSeeDataset,
  DATASET_NOT_FOUND,
  grantedAgencies,
  loadVisibleDataset,
} from '../../catalog/index.js';
import {
  findAgenciesByCodeOrId,
  listActiveResourceSchemas,
  listGrantedAgencies,
  replaceAccessGrants,
  setDatasetClassification,
} from '../classification.repository.js';
import { findDatasetRow } from '../dataset-metadata.repository.js';

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
  // The dataset is loaded once, locked, in run()'s transaction, and authorized there.
  authorize: () => {},
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const d = await findDatasetRow(trx, input.id, { forUpdate: true });
      if (!d || d.state === 'deleted' || !canSeeDataset(ctx.actor, d))
        throw new NotFoundError(DATASET_NOT_FOUND);
      authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
      assertPublishable({ classification: input.classification, private: d.private });
      const shared = (await sharedAgencies(trx, input, d.id)).filter((a) => a.id !== d.agency_id);
      await setDatasetClassification(trx, d.id, input.classification);
      await replaceAccessGrants(
        trx,
        d.id,
        shared.map((a) => a.id),
      );
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

/**
 * The agencies restricted data is to be shared with: the ones named, or (none named) the
 * current grants. Only restricted data is shared, and every agency named must exist.
 */
async function sharedAgencies(
  db: Kysely<DB>,
  input: { classification: Classification; shared_with?: string[] | undefined },
  datasetId: string,
) {
  const wanted =
    input.shared_with ?? (input.classification === 'restricted' ? await grantedAgencies(db, datasetId) : []);
  if (wanted.length && input.classification !== 'restricted')
    throw new ValidationError({
      shared_with: [
        {
          id: 'Hanya data terbatas yang dibagikan ke perangkat daerah tertentu',
          en: 'Only restricted data is shared with named agencies',
        },
      ],
    });
  const agencies = wanted.length ? await findAgenciesByCodeOrId(db, wanted) : [];
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
  return agencies;
}

/** The classification of a dataset and of each column of its tables, and who it is shared with. */
export const datasetClassificationShow = defineAction({
  name: 'dataset_classification_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().trim().min(1) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const d = await loadVisibleDataset(ctx, input.id);
    const [grants, resources] = await Promise.all([
      listGrantedAgencies(ctx.db, d.id),
      listActiveResourceSchemas(ctx.db, d.id),
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
