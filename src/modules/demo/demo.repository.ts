import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** The districts (kecamatan) of the demo regency, Kabupaten Magetan (35.20), in code order. */
export function listDemoDistricts(db: Kysely<DB>): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('parent_code', '=', '35.20')
    .orderBy('code')
    .execute();
}

/** A demo key indicator on the first resource of a demo dataset (skipped when that is missing). */
export async function insertDemoKeyIndicator(
  db: Kysely<DB>,
  k: {
    dataset: string;
    name: string;
    title: string;
    title_en: string;
    period_field: string;
    value_field: string;
    unit: string;
    definition: string;
    position: number;
  },
): Promise<string | null> {
  const resource = await db
    .selectFrom('resource as r')
    .innerJoin('dataset as d', 'd.id', 'r.dataset_id')
    .select('r.id')
    .where('d.name', '=', k.dataset)
    .orderBy('r.position')
    .executeTakeFirst();
  if (!resource) return null;
  const { dataset: _dataset, ...row } = k;
  const inserted = await db
    .insertInto('key_indicator')
    .values({ ...row, resource_id: resource.id })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/**
 * A demo collection (issue 18) with its datasets in order; datasets the demo catalog lacks are
 * skipped. Returns the new collection's id, or null when it exists already.
 */
export async function insertDemoCollection(
  db: Kysely<DB>,
  c: {
    name: string;
    title: string;
    title_en: string;
    description: string;
    description_en: string;
    position: number;
  },
  datasets: string[],
): Promise<string | null> {
  const inserted = await db
    .insertInto('collection')
    .values(c)
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  const found = await db.selectFrom('dataset').select(['id', 'name']).where('name', 'in', datasets).execute();
  const ids = datasets.flatMap((n) => found.filter((d) => d.name === n).map((d) => d.id));
  if (ids.length)
    await db
      .insertInto('collection_dataset')
      .values(ids.map((dataset_id, position) => ({ collection_id: inserted.id, dataset_id, position })))
      .execute();
  return inserted.id;
}

/** The demo's featured datasets, unless some are featured already. */
export async function insertDemoFeatured(db: Kysely<DB>, datasets: string[]): Promise<number> {
  if (await db.selectFrom('featured_dataset').select('dataset_id').limit(1).executeTakeFirst()) return 0;
  const found = await db.selectFrom('dataset').select(['id', 'name']).where('name', 'in', datasets).execute();
  const ids = datasets.flatMap((n) => found.filter((d) => d.name === n).map((d) => d.id));
  if (ids.length)
    await db
      .insertInto('featured_dataset')
      .values(ids.map((dataset_id, position) => ({ dataset_id, position })))
      .execute();
  return ids.length;
}
