import type { Kysely } from 'kysely';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { nextMetadataModified } from '../catalog/index.js';

/** Queries of a dataset's metadata links and its read model (`dataset.metadata_summary`). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A dataset by id or name. With `forUpdate`, the row stays locked until the transaction ends,
 * so the check an action makes on it and the change it then writes see the same row.
 */
export async function findDatasetRow(
  db: Kysely<DB>,
  idOrName: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Dataset | undefined> {
  const q = db.selectFrom('dataset').selectAll();
  const one = UUID.test(idOrName) ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName);
  return (opts.forUpdate ? one.forUpdate() : one).executeTakeFirst();
}

/** The standard and activity a dataset points at. */
export async function findMetadataLinks(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('dataset')
    .select(['data_standard_id', 'statistical_activity_id'])
    .where('id', '=', datasetId)
    .executeTakeFirst();
}

/** Ids of every resource of a dataset (whatever its state). */
export async function listResourceIds(db: Kysely<DB>, datasetId: string) {
  return db.selectFrom('resource').select('id').where('dataset_id', '=', datasetId).execute();
}

/** Active resources of a dataset with their Table Schema, in page order. */
export async function listResourceSchemas(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('resource')
    .select(['id', 'name', 'table_schema'])
    .where('dataset_id', '=', datasetId)
    .where('state', '=', 'active')
    .orderBy('position')
    .orderBy('created')
    .execute();
}

/** The name of the agency that runs a statistical activity. */
export async function findActivityAgencyName(db: Kysely<DB>, activityId: string) {
  return db
    .selectFrom('statistical_activity')
    .innerJoin('agency', 'agency.id', 'statistical_activity.agency_id')
    .select('agency.name')
    .where('statistical_activity.id', '=', activityId)
    .executeTakeFirst();
}

/** Store a dataset's metadata read model and mark the dataset modified. */
export async function writeMetadataSummary(db: Kysely<DB>, datasetId: string, summary: unknown) {
  await db
    .updateTable('dataset')
    .set({ metadata_summary: JSON.stringify(summary), metadata_modified: nextMetadataModified() })
    .where('id', '=', datasetId)
    .execute();
}

/** Point a dataset at a data standard (or at none). */
export async function setDatasetStandard(db: Kysely<DB>, datasetId: string, standardId: string | null) {
  await db.updateTable('dataset').set({ data_standard_id: standardId }).where('id', '=', datasetId).execute();
}

/** Point a dataset at a statistical activity (or at none). */
export async function setDatasetActivity(db: Kysely<DB>, datasetId: string, activityId: string | null) {
  await db
    .updateTable('dataset')
    .set({ statistical_activity_id: activityId })
    .where('id', '=', datasetId)
    .execute();
}
