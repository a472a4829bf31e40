/** The datastore's own statements on a catalog resource row: the write lock and its Table Schema. */
import type { Transaction } from 'kysely';
import type { DB, Resource } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A resource locked (FOR UPDATE) for the rest of the transaction, so the checks of a write and
 * the write itself see the same row; undefined when there is none.
 */
export async function lockResource(trx: Transaction<DB>, id: string): Promise<Resource | undefined> {
  if (!UUID.test(id)) return undefined;
  return trx.selectFrom('resource').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Replace the Table Schema enforced on the resource's later uploads. */
export async function setResourceTableSchema(
  trx: Transaction<DB>,
  resourceId: string,
  schema: TableSchema,
): Promise<void> {
  await trx
    .updateTable('resource')
    .set({ table_schema: JSON.stringify(schema), metadata_modified: new Date() })
    .where('id', '=', resourceId)
    .execute();
}
