import type { Kysely } from 'kysely';
import { newSecret } from '../auth/secret.js';
import type { Config } from '../config.js';
import { findRegion, getSetting, putSetting } from '../db/repositories/region.repository.js';
import type { DB } from '../db/schema.js';
import type { SiteInfo } from '../http/views/page-context.js';

/** "KABUPATEN MAGETAN" → "Kabupaten Magetan" (official names are stored upper-case). */
export function titleCaseRegion(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\bDki\b/, 'DKI')
    .replace(/\bDi\b/, 'DI');
}

/**
 * The region this deployment serves: stored in site settings on first start from REGION_CODE
 * (a province or regency/city code), so a later restart keeps it.
 */
export async function ensureSite(db: Kysely<DB>, config: Config): Promise<SiteInfo> {
  const stored = await getSetting<SiteInfo>(db, 'site');
  if (stored) return stored;
  const region = await findRegion(db, config.regionCode);
  if (!region || (region.level !== 'province' && region.level !== 'regency'))
    throw new Error(
      `REGION_CODE ${config.regionCode} bukan kode provinsi atau kabupaten/kota yang dikenal / is not a known province or regency/city code`,
    );
  const site: SiteInfo = { regionCode: region.code, regionName: titleCaseRegion(region.name) };
  await putSetting(db, 'site', site);
  return site;
}

/**
 * Secret for signing cookies: COOKIE_SECRET when set, else one generated on first start and
 * kept in the database, so every app instance sharing the database agrees on it.
 */
export async function getCookieSecret(db: Kysely<DB>, config: Config): Promise<string> {
  if (config.cookieSecret) return config.cookieSecret;
  const stored = await getSetting<string>(db, 'cookie_secret');
  if (stored) return stored;
  // Two instances starting at once must end up with the same secret: first insert wins.
  await db
    .insertInto('site_setting')
    .values({ key: 'cookie_secret', value: JSON.stringify(newSecret(48)) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const secret = await getSetting<string>(db, 'cookie_secret');
  if (!secret) throw new Error('cookie secret could not be stored');
  return secret;
}
