import type { Kysely } from 'kysely';
import type { Config } from '../../kernel/config.js';
import type { DB } from '../../kernel/db/schema.js';
import { getSetting, putSetting } from '../../kernel/db/settings.repository.js';
import type { SiteInfo } from '../../kernel/http/page-context.js';
import { findRegion } from './region.repository.js';

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
