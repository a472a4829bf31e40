import type { Kysely } from 'kysely';
import type { StoredLogo } from '../../../kernel/db/schema/portal.js';
import type { DB } from '../../../kernel/db/schema.js';
import { getSetting, putSetting } from '../../../kernel/db/settings.repository.js';

/** The site_setting key of the region's logo. */
const REGION_LOGO = 'region_logo';

/** The region's logo, if one was uploaded. */
export async function findRegionLogo(db: Kysely<DB>): Promise<StoredLogo | undefined> {
  return getSetting<StoredLogo>(db, REGION_LOGO);
}

export async function saveRegionLogo(trx: Kysely<DB>, logo: StoredLogo): Promise<void> {
  await putSetting(trx, REGION_LOGO, logo);
}

/** An agency's logo by the agency's code (its public name), if it has one. */
export async function findAgencyLogo(db: Kysely<DB>, code: string): Promise<StoredLogo | null> {
  const row = await db.selectFrom('agency').select('logo').where('code', '=', code).executeTakeFirst();
  return row?.logo ?? null;
}

/** The agency to give a logo, locked until the caller's transaction ends. */
export async function findAgencyForLogo(trx: Kysely<DB>, id: string) {
  return trx
    .selectFrom('agency')
    .select(['id', 'code', 'name', 'logo'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveAgencyLogo(trx: Kysely<DB>, id: string, logo: StoredLogo): Promise<void> {
  await trx
    .updateTable('agency')
    .set({ logo: JSON.stringify(logo), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Every agency with whether it has a logo, for the administrator's list. */
export async function listAgencyLogos(db: Kysely<DB>) {
  return db.selectFrom('agency').select(['id', 'code', 'name', 'logo']).orderBy('name').execute();
}
