import type { Kysely } from 'kysely';
import type { DB, RegionLevel } from '../../kernel/db/schema.js';

export interface RegionName {
  code: string;
  name: string;
  level: RegionLevel;
}

/**
 * Names of region codes (a dataset's spatial coverage), in code order; unknown codes are left
 * out. One query for all codes.
 */
export async function findRegionNames(db: Kysely<DB>, codes: readonly string[]): Promise<RegionName[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  return db
    .selectFrom('region')
    .select(['code', 'name', 'level'])
    .where('code', 'in', unique)
    .orderBy('code')
    .execute();
}
