import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** A datastore version with what a submission records of it and what serving it needs. */
export async function findVersion(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('resource_version')
    .select([
      'id',
      'resource_id',
      'number',
      'table_name',
      'table_schema',
      'row_count',
      'storage_key',
      'file_name',
      'size_bytes',
      'sha256',
      'state',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The version a resource serves now, its declared schema and its state. */
export async function findServedVersion(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('resource')
    .select(['datastore_version_id', 'table_schema', 'state'])
    .where('id', '=', resourceId)
    .executeTakeFirst();
}
