import type { Kysely } from 'kysely';
import type { Classification } from '../../kernel/db/schema/sdi.js';
import type { DB } from '../../kernel/db/schema.js';
import { nextMetadataModified } from '../catalog/index.js';

/** Queries of a dataset's access classification and the agencies restricted data is shared with. */

const UUID_LIKE = /^[0-9a-f-]{36}$/i;

/** Agencies named by code or id. */
export async function findAgenciesByCodeOrId(db: Kysely<DB>, wanted: readonly string[]) {
  return db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where((eb) =>
      eb.or([
        eb('code', 'in', wanted),
        ...(wanted.some((w) => UUID_LIKE.test(w))
          ? [
              eb(
                'id',
                'in',
                wanted.filter((w) => UUID_LIKE.test(w)),
              ),
            ]
          : []),
      ]),
    )
    .execute();
}

/** Set a dataset's classification and mark it modified. */
export async function setDatasetClassification(
  db: Kysely<DB>,
  datasetId: string,
  classification: Classification,
) {
  await db
    .updateTable('dataset')
    .set({ classification, metadata_modified: nextMetadataModified() })
    .where('id', '=', datasetId)
    .execute();
}

/** Replace the agencies a dataset is shared with. */
export async function replaceAccessGrants(db: Kysely<DB>, datasetId: string, agencyIds: readonly string[]) {
  await db.deleteFrom('dataset_access_grant').where('dataset_id', '=', datasetId).execute();
  if (agencyIds.length)
    await db
      .insertInto('dataset_access_grant')
      .values(agencyIds.map((agency_id) => ({ dataset_id: datasetId, agency_id })))
      .execute();
}

/** The agencies a dataset is shared with, by code. */
export async function listGrantedAgencies(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('dataset_access_grant')
    .innerJoin('agency', 'agency.id', 'dataset_access_grant.agency_id')
    .select(['agency.id', 'agency.code', 'agency.name'])
    .where('dataset_access_grant.dataset_id', '=', datasetId)
    .orderBy('agency.code')
    .execute();
}

/** Active resources of a dataset with their Table Schema, in page order. */
export async function listActiveResourceSchemas(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('resource')
    .select(['id', 'name', 'table_schema'])
    .where('dataset_id', '=', datasetId)
    .where('state', '=', 'active')
    .orderBy('position')
    .execute();
}
