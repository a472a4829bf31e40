import type { Kysely } from 'kysely';
import type { DB, RegionLevel } from '../../../kernel/db/schema.js';

/** Queries of the official region codes and their editions. */

/** Regions under a parent (provinces when parent is null), by code. */
export async function listRegions(db: Kysely<DB>, parent: string | null) {
  let q = db.selectFrom('region').select(['code', 'name', 'level', 'parent_code', 'retired_in']);
  q = parent === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parent);
  return q.orderBy('code').execute();
}

export async function findRegionWithChildrenCount(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('region')
    .select(['code', 'name', 'level', 'parent_code'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The region code edition now and each recorded change, newest first. */
export async function regionCodeEditions(db: Kysely<DB>) {
  const [current, history] = await Promise.all([
    db
      .selectFrom('site_setting')
      .select(['value', 'updated_at'])
      .where('key', '=', 'region_code_edition')
      .executeTakeFirst(),
    db.selectFrom('region_code_edition').selectAll().orderBy('id', 'desc').execute(),
  ]);
  return { current: current?.value ?? null, since: current?.updated_at ?? null, history };
}

export type { RegionLevel };
