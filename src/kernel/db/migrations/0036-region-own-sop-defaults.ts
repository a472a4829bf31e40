import { type Kysely, sql } from 'kysely';

/**
 * A region runs its own SOP where the platform ships one, otherwise a national default that
 * names no other region (issue #17 item 10). Until now every region was given the same defaults
 * (Central Java's data-list cycle, Banyuwangi's dissemination and data request). The choices
 * nobody made (set on first use, `updated_by` null) are dropped here, so the next read gives
 * each process kind the region's default again; a choice an administrator made is kept, and
 * running instances keep the definition they started with.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from region_workflow where updated_by is null`.execute(db);
}
