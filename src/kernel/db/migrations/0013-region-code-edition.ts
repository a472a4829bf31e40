import { type Kysely, sql } from 'kysely';
import { readRegionCodes, regionDataEdition } from './region-codes.js';

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
  const rows = await readRegionCodes();
  const edition = await regionDataEdition();
  await sql`
    insert into region (code, parent_code, level, name)
    select * from unnest(
      ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.parent_code)}::text[],
      ${rows.map((r) => r.level)}::text[], ${rows.map((r) => r.name)}::text[])
    on conflict (code) do update
      set name = excluded.name, parent_code = excluded.parent_code, level = excluded.level
      where (region.name, region.parent_code, region.level)
        is distinct from (excluded.name, excluded.parent_code, excluded.level)
  `.execute(db);
  await sql`
    update region set retired_in = ${edition}
    where retired_in is null
      and not exists (select 1 from unnest(${rows.map((r) => r.code)}::text[]) as current(code)
                      where current.code = region.code)
  `.execute(db);
  await sql`
    update site_setting set value = ${JSON.stringify(edition)}::jsonb, updated_at = now()
    where key = 'region_code_edition' and value is distinct from ${JSON.stringify(edition)}::jsonb
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table region drop column retired_in`.execute(db);
}
