import { type Kysely, sql } from 'kysely';
import { applyRegionEdition } from './region-codes.js';

/**
 * Follow the newest edition of the official region codes (issue #17 item 11: `idn-area-data`
 * 4.0.1, after the newer Kemendagri regulation: 8 more districts, changed villages, names in
 * the case Kemendagri writes them). New codes are added, changed names updated, and a code the
 * edition no longer lists is kept and marked `retired_in` (data citing it stays valid and
 * readable; new uploads are checked against the current codes only). The edition setting
 * changes, so its history (region_code_edition, migration 0009's trigger) records the step.
 * On a new database migration 0002 already loaded this edition: nothing changes here.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table region add column retired_in text`.execute(db);
  await applyRegionEdition(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table region drop column retired_in`.execute(db);
}
