import { type Kysely, sql } from 'kysely';

/**
 * Issue 18: each agency's logo, uploaded by an administrator (the stored file's key, type, size
 * and its alternative text in both languages; the region's own logo sits in site_setting
 * `region_logo` with the same shape), and an index so "related datasets" can find the datasets
 * presenting the same indicator (MS-Ind name, compared case-insensitively) by an index lookup.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table agency add column logo jsonb;
    create index indicator_metadata_name_idx on indicator_metadata (lower(name), dataset_id);
  `.execute(db);
}
