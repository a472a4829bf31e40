import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

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

export async function getSetting<T>(db: Kysely<DB>, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('site_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function putSetting(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('site_setting')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
    )
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
