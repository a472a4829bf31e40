import { type Kysely, sql } from 'kysely';

/**
 * Stored package dicts no longer hold `view_count` (issue #21): it is live on the dataset row and
 * package_show closes the stored text with it. The dicts stored with a copy are marked stale, so
 * each is rebuilt without it at its next read, as after any change to a shared table.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update package_dict set dict = null, built_generation = null, built_stamp = null
    where dict is not null
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(_db: Kysely<any>): Promise<void> {
  // Nothing to restore: readers add the live count either way.
}
