import type { Kysely } from 'kysely';
import { findRegion } from '../../db/repositories/region.repository.js';
import type { DB } from '../../db/schema.js';
import { titleCaseRegion } from '../../site/site.js';
import type { PackageDict } from '../presenters/package.presenter.js';

/**
 * Display names of the regions the datasets cover (plus any extra codes), for dct:spatial and
 * schema.org `spatialCoverage`. A page of 100 datasets names few distinct regions, so one
 * lookup per distinct code is enough.
 */
export async function loadRegionNames(
  db: Kysely<DB>,
  dicts: readonly PackageDict[],
  extraCodes: readonly string[] = [],
): Promise<Map<string, string>> {
  const codes = new Set([...extraCodes, ...dicts.flatMap((d) => d.spatial ?? [])]);
  const names = new Map<string, string>();
  for (const code of codes) {
    const region = await findRegion(db, code);
    if (region) names.set(code, titleCaseRegion(region.name));
  }
  return names;
}
