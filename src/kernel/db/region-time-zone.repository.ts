import type { Kysely } from 'kysely';
import { timeZoneForRegion } from '../calendar/region-time-zone.js';
import { TIME_ZONES, type TimeZone } from '../calendar/working-calendar.js';
import type { DB } from './schema.js';
import { getSetting } from './settings.repository.js';

/**
 * The region's time zone, in which every time is shown: the one its working calendar names,
 * or, while nobody has chosen one (null), the zone of the region's code (`site` setting).
 * Before the site is known (a bare test database) it is WIB.
 */
export async function regionTimeZone(db: Kysely<DB>): Promise<TimeZone> {
  const row = await db.selectFrom('work_calendar').select('time_zone').executeTakeFirst();
  return resolveTimeZone(db, row?.time_zone ?? null);
}

/** A stored zone as it applies: the stored one when set, else the default of the region code. */
export async function resolveTimeZone(db: Kysely<DB>, stored: string | null): Promise<TimeZone> {
  if (stored && (TIME_ZONES as readonly string[]).includes(stored)) return stored as TimeZone;
  const site = await getSetting<{ regionCode?: string }>(db, 'site');
  return site?.regionCode ? timeZoneForRegion(site.regionCode) : 'Asia/Jakarta';
}
