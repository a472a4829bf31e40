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
