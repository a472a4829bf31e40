import { type Kysely, sql } from 'kysely';
import { readRegionCodes, regionDataEdition } from './region-codes.js';

/**
 * Load every official region code of Indonesia (about 90,000 rows) into `region`.
 * One INSERT … SELECT FROM unnest(arrays) statement: it runs inside the migration's
 * transaction on both drivers (COPY cannot share Kysely's transaction on `pg`), and is
 * about as fast as COPY at this size.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  const rows = await readRegionCodes();
  await sql`
    insert into region (code, parent_code, level, name)
    select * from unnest(
      ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.parent_code)}::text[],
      ${rows.map((r) => r.level)}::text[], ${rows.map((r) => r.name)}::text[])
  `.execute(db);
  const edition = await regionDataEdition();
  await sql`insert into site_setting (key, value) values ('region_code_edition', ${JSON.stringify(edition)}::jsonb)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from site_setting where key = 'region_code_edition'; delete from region;`.execute(db);
}
