import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { findRegionNames, titleCaseRegion } from '../agencies/index.js';
import type { PackageDict } from '../catalog/index.js';

/**
 * Display names of the regions the datasets cover (plus any extra codes), for dct:spatial and
 * schema.org `spatialCoverage`: one query for a whole catalog page. Official names are stored
 * upper-case ("KABUPATEN MAGETAN") and shown title-cased, as the site header shows them.
 */
export async function loadRegionNames(
  db: Kysely<DB>,
  dicts: readonly PackageDict[],
  extraCodes: readonly string[] = [],
): Promise<Map<string, string>> {
  const regions = await findRegionNames(db, [...extraCodes, ...dicts.flatMap((d) => d.spatial ?? [])]);
  return new Map(
    regions.map((r) => [r.code, r.name === r.name.toUpperCase() ? titleCaseRegion(r.name) : r.name]),
  );
}
