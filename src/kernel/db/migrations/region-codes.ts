import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import Papa from 'papaparse';
import type { RegionLevel } from '../schema.js';

export interface RegionRow {
  code: string;
  parent_code: string | null;
  level: RegionLevel;
  name: string;
}

const FILES: { level: RegionLevel; file: string; parent: string | null }[] = [
  { level: 'province', file: 'provinces.csv', parent: null },
  { level: 'regency', file: 'regencies.csv', parent: 'province_code' },
  { level: 'district', file: 'districts.csv', parent: 'regency_code' },
  { level: 'village', file: 'villages.csv', parent: 'district_code' },
];

/** Folder of the official Kemendagri code files shipped by the `idn-area-data` package. */
export function regionDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Edition of the code list (the package version), kept in site settings to know what was loaded. */
export async function regionDataEdition(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(regionDataDir(), '..', 'package.json'), 'utf8'));
  return `idn-area-data@${pkg.version}`;
}

/**
 * Read every official region code (provinces, regencies/cities, districts, villages), parents
 * first, with names in the case Kemendagri writes them.
 */
export async function readRegionCodes(): Promise<RegionRow[]> {
  const dir = regionDataDir();
  const rows: RegionRow[] = [];
  for (const { level, file, parent } of FILES) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    for (const r of parsed.data) {
      const code = r.code?.trim();
      const name = r.name?.trim();
      if (!code || !name) continue;
      rows.push({ code, parent_code: parent ? (r[parent]?.trim() ?? null) : null, level, name });
    }
  }
  return rows;
}

/**
 * Bring a loaded `region` table to the installed edition (migration 0025 and each later edition):
 * new codes added, changed names and parents updated, a code no longer listed kept and marked
 * `retired_in` (data citing it stays readable), and the edition setting changed so its history
 * records the step. Nothing changes when the table already holds this edition.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs inside migrations, typed against no schema
export async function applyRegionEdition(db: Kysely<any>): Promise<void> {
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
