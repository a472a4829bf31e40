import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Site settings: small JSON values by key (the region served, the cookie secret, markers). */
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

/** Store a value only when the key has none yet: of two writers at once, the first wins. */
export async function putSettingIfAbsent(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  await db
    .insertInto('site_setting')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
