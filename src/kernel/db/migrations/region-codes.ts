import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
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
