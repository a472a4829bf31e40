import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/**
 * SQL of the custodian's curation: collections, their datasets, featured datasets. Public reads
 * (`publicOnly`) keep only public, active datasets, the same rule as package_search for the
 * anonymous reader, so a private or draft member of a collection never shows on the portal.
 */

export interface CollectionRow {
  name: string;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  position: number;
  on_home: boolean;
}

/** A dataset as a collection or the featured list shows it. */
export interface CuratedDatasetRow {
  id: string;
  name: string;
  title: string;
  agency_name: string;
  private: boolean;
  state: string;
}

export async function listCollections(db: Kysely<DB>, opts: { onHomeOnly?: boolean } = {}) {
  let q = db
    .selectFrom('collection as c')
    .select(['c.id', 'c.name', 'c.title', 'c.title_en', 'c.description', 'c.description_en', 'c.position'])
    .select('c.on_home')
    .select((eb) =>
      eb
        .selectFrom('collection_dataset as cd')
        .innerJoin('dataset as d', 'd.id', 'cd.dataset_id')
        .whereRef('cd.collection_id', '=', 'c.id')
        .where('d.private', '=', false)
        .where('d.state', '=', 'active')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('public_count'),
    );
  if (opts.onHomeOnly) q = q.where('c.on_home', '=', true);
  return q.orderBy('c.position').orderBy('c.name').execute();
}

export async function findCollection(db: Kysely<DB>, name: string) {
  return db.selectFrom('collection').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The datasets of a collection in the custodian's order. */
export async function listCollectionDatasets(
  db: Kysely<DB>,
  collectionId: string,
  opts: { publicOnly: boolean },
): Promise<CuratedDatasetRow[]> {
  let q = db
    .selectFrom('collection_dataset as cd')
    .innerJoin('dataset as d', 'd.id', 'cd.dataset_id')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .select(['d.id', 'd.name', 'd.title', 'a.name as agency_name', 'd.private', 'd.state'])
    .where('cd.collection_id', '=', collectionId);
  if (opts.publicOnly) q = q.where('d.private', '=', false).where('d.state', '=', 'active');
  return q.orderBy('cd.position').orderBy('d.title').execute();
}

/** Insert or update a collection by name; returns its id. */
export async function upsertCollection(db: Kysely<DB>, row: CollectionRow) {
  return db
    .insertInto('collection')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ ...row, updated_at: new Date() }))
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Set a collection's datasets, in order (the old list is replaced). */
export async function replaceCollectionDatasets(db: Kysely<DB>, collectionId: string, datasetIds: string[]) {
  await db.deleteFrom('collection_dataset').where('collection_id', '=', collectionId).execute();
  if (datasetIds.length === 0) return;
  await db
    .insertInto('collection_dataset')
    .values(datasetIds.map((id, position) => ({ collection_id: collectionId, dataset_id: id, position })))
    .execute();
}

export async function deleteCollection(db: Kysely<DB>, name: string) {
  return db.deleteFrom('collection').where('name', '=', name).returning('id').executeTakeFirst();
}

/** The featured datasets in order. */
export async function listFeatured(
  db: Kysely<DB>,
  opts: { publicOnly: boolean },
): Promise<CuratedDatasetRow[]> {
  let q = db
    .selectFrom('featured_dataset as f')
    .innerJoin('dataset as d', 'd.id', 'f.dataset_id')
    .innerJoin('agency as a', 'a.id', 'd.agency_id')
    .select(['d.id', 'd.name', 'd.title', 'a.name as agency_name', 'd.private', 'd.state']);
  if (opts.publicOnly) q = q.where('d.private', '=', false).where('d.state', '=', 'active');
  return q.orderBy('f.position').orderBy('d.title').execute();
}

export async function replaceFeatured(db: Kysely<DB>, datasetIds: string[]) {
  await db.deleteFrom('featured_dataset').execute();
  if (datasetIds.length === 0) return;
  await db
    .insertInto('featured_dataset')
    .values(datasetIds.map((dataset_id, position) => ({ dataset_id, position })))
    .execute();
}

/** Datasets (not deleted) by name: the custodian names them in a form. */
export async function findDatasetIdsByName(db: Kysely<DB>, names: string[]) {
  if (names.length === 0) return [];
  return db
    .selectFrom('dataset')
    .select(['id', 'name'])
    .where('name', 'in', names)
    .where('state', '!=', 'deleted')
    .execute();
}

/** Key indicators for the custodian's list (whatever their dataset's state). */
export async function listAllKeyIndicators(db: Kysely<DB>) {
  return db
    .selectFrom('key_indicator as k')
    .innerJoin('resource as r', 'r.id', 'k.resource_id')
    .innerJoin('dataset as d', 'd.id', 'r.dataset_id')
    .selectAll('k')
    .select(['d.name as dataset_name', 'd.title as dataset_title', 'r.name as resource_name'])
    .orderBy('k.position')
    .orderBy('k.name')
    .execute();
}

export async function deleteKeyIndicator(db: Kysely<DB>, name: string) {
  return db.deleteFrom('key_indicator').where('name', '=', name).returning('id').executeTakeFirst();
}

/**
 * Tables a key indicator can come from: resources of public, active datasets with a loaded table,
 * with their stored Table Schema (the custodian picks the period and value columns from it).
 */
export async function listIndicatorSources(db: Kysely<DB>) {
  return db
    .selectFrom('resource as r')
    .innerJoin('dataset as d', 'd.id', 'r.dataset_id')
    .select(['r.id', 'r.name', 'r.table_schema', 'd.title as dataset_title'])
    .where('d.private', '=', false)
    .where('d.state', '=', 'active')
    .where('r.state', '=', 'active')
    .where('r.datastore_version_id', 'is not', null)
    .orderBy('d.title')
    .orderBy('r.name')
    .limit(500)
    .execute();
}
