import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

export async function findRegion(db: Kysely<DB>, code: string) {
  return db.selectFrom('region').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countRegionsByLevel(db: Kysely<DB>) {
  return db
    .selectFrom('region')
    .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('level')
    .execute();
}

/** How many districts and villages lie under a province or regency code. */
export async function countRegionsUnder(
  db: Kysely<DB>,
  code: string,
): Promise<Record<'district' | 'village', number>> {
  const rows = await db
    .selectFrom('region')
    .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
    .where('code', 'like', `${code}.%`)
    .where('level', 'in', ['district', 'village'])
    .groupBy('level')
    .execute();
  const get = (level: string) => Number(rows.find((r) => r.level === level)?.count ?? 0);
  return { district: get('district'), village: get('village') };
}

/** The regencies and cities of a province, in code order. */
export async function listRegenciesOf(db: Kysely<DB>, provinceCode: string) {
  return db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('parent_code', '=', provinceCode)
    .where('level', '=', 'regency')
    .orderBy('code')
    .execute();
}
