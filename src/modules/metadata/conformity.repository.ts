import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** What the conformity checks read about a dataset, beyond its metadata. */

/** The dataset's license and classification (it must exist). */
export async function findConformityDataset(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('dataset')
    .select(['id', 'license_id', 'classification'])
    .where('id', '=', datasetId)
    .executeTakeFirstOrThrow();
}

/** Active resources with their format, Table Schema and whether a table is loaded. */
export async function listConformityResources(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('resource')
    .select(['id', 'name', 'format', 'table_schema', 'datastore_version_id'])
    .where('dataset_id', '=', datasetId)
    .where('state', '=', 'active')
    .orderBy('position')
    .execute();
}

/** Validation reports of these resources' uploads, newest version first. */
export async function listValidationReports(db: Kysely<DB>, resourceIds: readonly string[]) {
  return db
    .selectFrom('resource_version')
    .select(['resource_id', 'number', 'report'])
    .where('resource_id', 'in', resourceIds)
    .where('report', 'is not', null)
    .where('state', '!=', 'proposed') // a proposal, not a validation report (issue #17)
    .orderBy('number', 'desc')
    .execute();
}

/** Names of every reference code list. */
export async function listCodeListNames(db: Kysely<DB>) {
  return db.selectFrom('code_list').select('name').execute();
}

/** findConformityDataset for a page of datasets at once (package_search). */
export async function listConformityDatasets(db: Kysely<DB>, datasetIds: readonly string[]) {
  return db
    .selectFrom('dataset')
    .select(['id', 'license_id', 'classification'])
    .where('id', 'in', datasetIds)
    .execute();
}

/** listConformityResources for a page of datasets at once, each dataset's in position order. */
export async function listConformityResourcesOf(db: Kysely<DB>, datasetIds: readonly string[]) {
  return db
    .selectFrom('resource')
    .select(['id', 'dataset_id', 'name', 'format', 'table_schema', 'datastore_version_id'])
    .where('dataset_id', 'in', datasetIds)
    .where('state', '=', 'active')
    .orderBy('dataset_id')
    .orderBy('position')
    .execute();
}
