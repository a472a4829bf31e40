import type { Kysely } from 'kysely';
import type { Classification } from '../../kernel/db/schema/sdi.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of the metadata & SDS worksheet: what it shows, what an upload refers to, what it links. */

/** The (non-deleted) datasets of an agency, as one worksheet covers them. */
export async function listAgencyDatasetIds(db: Kysely<DB>, agencyId: string) {
  return db
    .selectFrom('dataset')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('state', '!=', 'deleted')
    .execute();
}

/** The datasets of a worksheet with their links, by name. */
export async function listWorksheetDatasets(db: Kysely<DB>, datasetIds: readonly string[]) {
  return db
    .selectFrom('dataset')
    .select(['id', 'name', 'title', 'classification', 'data_standard_id', 'statistical_activity_id'])
    .where('id', 'in', datasetIds)
    .orderBy('name')
    .execute();
}

/** Data standards by id, by name. */
export async function listDataStandardsByIds(db: Kysely<DB>, ids: readonly string[]) {
  return db.selectFrom('data_standard').selectAll().where('id', 'in', ids).orderBy('name').execute();
}

/** Activities with these ids or of this agency, by title. */
export async function listWorksheetActivities(
  db: Kysely<DB>,
  activityIds: readonly string[],
  agencyId: string | null,
) {
  return db
    .selectFrom('statistical_activity')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(activityIds.length ? [eb('id', 'in', activityIds)] : []),
        ...(agencyId ? [eb('agency_id', '=', agencyId)] : []),
      ]),
    )
    .orderBy('title')
    .execute();
}

/** Active resources of these datasets with their Table Schema, in page order. */
export async function listWorksheetResources(db: Kysely<DB>, datasetIds: readonly string[]) {
  return db
    .selectFrom('resource')
    .select(['id', 'dataset_id', 'name', 'table_schema'])
    .where('dataset_id', 'in', datasetIds)
    .where('state', '=', 'active')
    .orderBy('position')
    .execute();
}

/** A data standard by its URL name (never by id: a name may look like one). */
export async function findDataStandardByName(db: Kysely<DB>, name: string) {
  return db.selectFrom('data_standard').selectAll().where('name', '=', name).executeTakeFirst();
}

/** The id of a data standard, by name. */
export async function findDataStandardId(db: Kysely<DB>, name: string) {
  return db.selectFrom('data_standard').select('id').where('name', '=', name).executeTakeFirst();
}

/** The id of a data standard that must exist, by name. */
export async function getDataStandardId(db: Kysely<DB>, name: string): Promise<string> {
  const s = await db
    .selectFrom('data_standard')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return s.id;
}

/** An activity and the agency that owns it. */
export async function findActivityOwner(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('statistical_activity')
    .select(['id', 'agency_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Does this activity exist? */
export async function findActivityId(db: Kysely<DB>, id: string) {
  return db.selectFrom('statistical_activity').select('id').where('id', '=', id).executeTakeFirst();
}

/** A dataset named in the worksheet's dataset sheet. */
export async function findWorksheetDataset(db: Kysely<DB>, name: string) {
  return db
    .selectFrom('dataset')
    .select(['id', 'name', 'agency_id', 'private'])
    .where('name', '=', name)
    .executeTakeFirst();
}

/** A dataset named in the MS-Var or MS-Ind sheet, with its agency. */
export async function findDatasetAgency(db: Kysely<DB>, name: string) {
  return db.selectFrom('dataset').select(['id', 'agency_id']).where('name', '=', name).executeTakeFirst();
}

/** A resource of this dataset, with its Table Schema. */
export async function findResourceInDataset(db: Kysely<DB>, resourceId: string, datasetId: string) {
  return db
    .selectFrom('resource')
    .select(['id', 'table_schema'])
    .where('id', '=', resourceId)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
}

/** Does this indicator belong to this dataset? */
export async function findIndicatorInDataset(db: Kysely<DB>, id: string, datasetId: string) {
  return db
    .selectFrom('indicator_metadata')
    .select('id')
    .where('id', '=', id)
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
}

/** Set a dataset's classification, standard and activity from the worksheet. */
export async function setDatasetWorksheetLinks(
  db: Kysely<DB>,
  datasetId: string,
  links: {
    classification: Classification;
    data_standard_id: string | null;
    statistical_activity_id: string | null;
  },
) {
  await db.updateTable('dataset').set(links).where('id', '=', datasetId).execute();
}

/** Datasets that use one of these standards or activities, or are one of these datasets. */
export async function listDatasetIdsLinkedTo(
  db: Kysely<DB>,
  by: { standardIds: readonly string[]; activityIds: readonly string[]; datasetIds: readonly string[] },
) {
  return db
    .selectFrom('dataset')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(by.standardIds.length ? [eb('data_standard_id', 'in', by.standardIds)] : []),
        ...(by.activityIds.length ? [eb('statistical_activity_id', 'in', by.activityIds)] : []),
        ...(by.datasetIds.length ? [eb('id', 'in', by.datasetIds)] : []),
      ]),
    )
    .execute();
}
