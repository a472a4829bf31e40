import { type Kysely, sql } from 'kysely';
import { timeZoneForRegion } from '../calendar/region-time-zone.js';
import { TIME_ZONES, type TimeZone } from '../calendar/working-calendar.js';
import { PREPARED_MARK } from './database.js';
import type { DB } from './schema.js';
import { getSetting } from './settings.repository.js';

/**
 * The region's time zone, in which every time is shown: the one its working calendar names,
 * or, while nobody has chosen one (null), the zone of the region's code (`site` setting).
 * Before the site is known (a bare test database) it is WIB.
 */
export async function regionTimeZone(db: Kysely<DB>): Promise<TimeZone> {
  // Read for every page: both sources in one prepared statement, one round trip.
  const r = await sql<{
    time_zone: string | null;
    site: { regionCode?: string } | null;
  }>`${sql.raw(PREPARED_MARK)}
    select (select time_zone from work_calendar limit 1) as time_zone,
      (select value from site_setting where key = 'site') as site`.execute(db);
  const row = r.rows[0];
  return zoneOf(row?.time_zone ?? null, row?.site ?? undefined);
}

/** A stored zone as it applies: the stored one when set, else the default of the region code. */
export async function resolveTimeZone(db: Kysely<DB>, stored: string | null): Promise<TimeZone> {
  if (isTimeZone(stored)) return stored;
  return zoneOf(null, await getSetting<{ regionCode?: string }>(db, 'site'));
}

const isTimeZone = (zone: string | null): zone is TimeZone =>
  zone !== null && (TIME_ZONES as readonly string[]).includes(zone);

function zoneOf(stored: string | null, site: { regionCode?: string } | undefined): TimeZone {
  if (isTimeZone(stored)) return stored;
  return site?.regionCode ? timeZoneForRegion(site.regionCode) : 'Asia/Jakarta';
}
