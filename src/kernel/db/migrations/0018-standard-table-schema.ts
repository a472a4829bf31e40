import { type Kysely, sql } from 'kysely';

/**
 * A data standard may carry the Table Schema of the tables that fulfil it (issue #17): a
 * resource of a dataset following the standard takes it as its declared schema before its first
 * upload. Null: the standard describes one measure and sets no column layout.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table data_standard add column table_schema jsonb`.execute(db);
}
