import type { Transaction } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import {
  deleteCollection,
  findDatasetIdsByName,
  replaceCollectionDatasets,
  replaceFeatured,
  upsertCollection,
} from './curation.repository.js';

/** At most this many datasets in one collection or in the featured list. */
const MAX_DATASETS = 100;

/** Dataset names as the form sends them: one per line (or an array from the API), order kept. */
const DatasetNames = z
  .union([z.string().max(20_000), z.array(z.string().max(100)).max(MAX_DATASETS)])
  .default([])
  .transform((v) => {
    const list = (Array.isArray(v) ? v : v.split(/[\s,]+/)).map((s) => s.trim()).filter(Boolean);
    return [...new Set(list)];
  });

/** Dataset ids for names, in the given order; an unknown name is refused naming it. */
async function idsFor(trx: Transaction<DB>, names: string[]): Promise<string[]> {
  if (names.length > MAX_DATASETS)
    throw new ValidationError({
      datasets: [{ id: `Paling banyak ${MAX_DATASETS} data`, en: `At most ${MAX_DATASETS} datasets` }],
    });
  const found = new Map((await findDatasetIdsByName(trx, names)).map((r) => [r.name, r.id]));
  const missing = names.filter((n) => !found.has(n));
  if (missing.length)
    throw new ValidationError({
      datasets: [
        {
          id: `Data tidak ditemukan: ${missing.join(', ')}`,
          en: `Datasets not found: ${missing.join(', ')}`,
        },
      ],
    });
  return names.map((n) => found.get(n) as string);
}

/**
 * The custodian creates or changes a themed collection (as CKAN's showcases): titles and
 * descriptions in both languages, its place in the list, whether the home page shows it, and its
 * datasets in order. Saving the same `name` again updates it and replaces its dataset list. Private
 * or draft members are kept but the public pages show only public, active ones.
 */
export const collectionSave = defineAction({
  name: 'collection_save',
  sideEffectFree: false,
  requires: 'portal:manage',
  input: z.object({
    /** Address of the collection page, /koleksi/{name}. */
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,100}$/),
    title: z.string().trim().min(1).max(200),
    title_en: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    description_en: z.string().trim().max(5000).default(''),
    position: z.coerce.number().int().min(0).max(1000).default(0),
    /** Shown on the home page. */
    on_home: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).default(false),
    datasets: DatasetNames,
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const ids = await idsFor(trx, input.datasets);
      const { datasets, ...row } = input;
      const { id } = await upsertCollection(trx, row);
      await replaceCollectionDatasets(trx, id, ids);
      await audit({ action: 'collection_save', subjectType: 'collection', subjectId: id, summary: input });
      return { id, name: input.name };
    });
  },
});

/** The custodian removes a collection (its datasets stay as they are). */
export const collectionDelete = defineAction({
  name: 'collection_delete',
  sideEffectFree: false,
  requires: 'portal:manage',
  input: z.object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,100}$/),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const row = await deleteCollection(trx, input.name);
      if (!row) throw new NotFoundError({ id: 'Koleksi tidak ditemukan', en: 'Collection not found' });
      await audit({
        action: 'collection_delete',
        subjectType: 'collection',
        subjectId: row.id,
        summary: input,
      });
      return { name: input.name };
    });
  },
});

/** The custodian sets the datasets featured on the home page, in order (the list is replaced). */
export const featuredDatasetsSave = defineAction({
  name: 'featured_datasets_save',
  sideEffectFree: false,
  requires: 'portal:manage',
  input: z.object({ datasets: DatasetNames }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const ids = await idsFor(trx, input.datasets);
      await replaceFeatured(trx, ids);
      await audit({
        action: 'featured_datasets_save',
        subjectType: 'featured_dataset',
        subjectId: null,
        summary: { datasets: input.datasets },
      });
      return { datasets: input.datasets };
    });
  },
});
