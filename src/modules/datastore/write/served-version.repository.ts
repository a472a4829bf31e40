/** The version a resource serves now, read inside a write's transaction. */
import type { Transaction } from 'kysely';
import type { DB, Resource } from '../../../kernel/db/schema.js';

export async function findServedVersion(
  trx: Transaction<DB>,
  resource: Pick<Resource, 'datastore_version_id'>,
) {
  if (!resource.datastore_version_id) return undefined;
  return trx
    .selectFrom('resource_version')
    .select(['id', 'number', 'table_name', 'table_schema', 'state'])
    .where('id', '=', resource.datastore_version_id)
    .where('state', '=', 'complete')
    .executeTakeFirst();
}
