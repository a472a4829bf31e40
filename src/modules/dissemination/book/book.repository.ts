import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/** The MS-Var answers recorded for the columns of one table (field name and its answers). */
export async function variableMetadataOf(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('variable_metadata')
    .select(['field_name', 'ms_var'])
    .where('resource_id', '=', resourceId)
    .execute();
}
