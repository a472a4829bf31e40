import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of what a list's row links to: datasets, data standards, statistical activities. */

/** A dataset not deleted, named by its id or its name, that a row may be linked to. */
export async function findLinkableDataset(db: Kysely<DB>, ref: string) {
  return db
    .selectFrom('dataset')
    .select(['id', 'name', 'agency_id'])
    .where((eb) =>
      /^[0-9a-f-]{36}$/i.test(ref) ? eb.or([eb('id', '=', ref), eb('name', '=', ref)]) : eb('name', '=', ref),
    )
    .where('state', '!=', 'deleted')
    .executeTakeFirst();
}

/** Link a dataset to a row; linking twice is no change. */
export async function linkItemDataset(db: Kysely<DB>, itemId: string, datasetId: string) {
  await db
    .insertInto('data_list_item_dataset')
    .values({ item_id: itemId, dataset_id: datasetId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertItemDataset(db: Kysely<DB>, itemId: string, datasetId: string) {
  await db.insertInto('data_list_item_dataset').values({ item_id: itemId, dataset_id: datasetId }).execute();
}

/** The data standards a row may name (code and title). */
export async function standardChoices(db: Kysely<DB>) {
  return db
    .selectFrom('data_standard')
    .select(['id', 'name', 'sdsn_code', 'title'])
    .orderBy('title')
    .execute();
}

/** The statistical activities a row may name, with their agency (for the row's link form). */
export async function activityChoices(db: Kysely<DB>) {
  return db
    .selectFrom('statistical_activity')
    .select(['id', 'title', 'agency_id'])
    .orderBy('title')
    .execute();
}

export async function standardExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await db.selectFrom('data_standard').select('id').where('id', '=', id).executeTakeFirst());
}

export async function activityAgency(db: Kysely<DB>, id: string) {
  return db.selectFrom('statistical_activity').select('agency_id').where('id', '=', id).executeTakeFirst();
}
