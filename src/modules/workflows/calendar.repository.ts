import type { Holiday, HolidayKind, ServiceWeek, TimeZone } from '../../kernel/calendar/working-calendar.js';
import { resolveTimeZone } from '../../kernel/db/region-time-zone.repository.js';
import type { Db } from './definitions.repository.js';

/** SQL of the region's working calendar: service settings (one row) and the holiday list. */

/** A stored holiday: the domain's Holiday plus its row id and English name. */
export interface StoredHoliday extends Holiday {
  id: string;
  nameEn: string | null;
  tentative: boolean;
  decree: string | null;
}

/** A holiday as the forms and the API write it. */
export interface HolidayFields {
  date: string;
  name: string;
  name_en: string | null;
  kind: HolidayKind;
  tentative: boolean;
  decree?: string | null;
}

export async function listHolidays(db: Db): Promise<StoredHoliday[]> {
  const rows = await db
    .selectFrom('holiday')
    .select(['id', 'date', 'name', 'name_en', 'kind', 'tentative', 'decree'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: String(r.date).slice(0, 10),
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind as HolidayKind,
    tentative: r.tentative,
    decree: r.decree,
  }));
}

/** The years whose national holidays are in the editable list. */
export async function seededHolidayYears(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('holiday_year').select('year').execute();
  return new Set(rows.map((r) => r.year));
}

/**
 * Put a year's national holidays and cuti bersama into the editable list, once: false when the
 * year was already seeded (then nothing is written, so a holiday the region deleted stays
 * deleted). A date the region already holds keeps the region's entry.
 */
export async function seedHolidayYear(
  db: Db,
  year: number,
  source: 'decree' | 'library',
  holidays: readonly (HolidayFields & { decree: string | null })[],
): Promise<boolean> {
  const claimed = await db
    .insertInto('holiday_year')
    .values({ year, source })
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('year')
    .executeTakeFirst();
  if (!claimed) return false;
  if (holidays.length > 0)
    await db
      .insertInto('holiday')
      .values([...holidays])
      .onConflict((oc) => oc.column('date').doNothing())
      .execute();
  return true;
}

/**
 * The region's time zone and service week (migration 0006 seeds Magetan's standard); a zone
 * nobody chose is the one of the region's code (migration 0012). `forUpdate` locks the
 * settings row for an action about to change it.
 */
export async function loadServiceSettings(
  db: Db,
  opts: { forUpdate?: boolean } = {},
): Promise<{ timeZone: TimeZone; week: ServiceWeek }> {
  let q = db.selectFrom('work_calendar').select(['time_zone', 'week']);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirstOrThrow();
  const week = (typeof row.week === 'string' ? JSON.parse(row.week) : row.week) as ServiceWeek;
  return { timeZone: await resolveTimeZone(db, row.time_zone), week };
}

export async function updateServiceSettings(
  db: Db,
  settings: { timeZone: TimeZone; week: ServiceWeek },
  updatedBy: string | null,
): Promise<void> {
  await db
    .updateTable('work_calendar')
    .set({
      time_zone: settings.timeZone,
      week: JSON.stringify(settings.week),
      updated_at: new Date(),
      updated_by: updatedBy,
    })
    .execute();
}

/** Is there a holiday on `date` (other than `exceptId`)? */
export async function holidayOnDate(db: Db, date: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('holiday').select('id').where('date', '=', date);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertHoliday(db: Db, fields: HolidayFields): Promise<string> {
  const row = await db.insertInto('holiday').values(fields).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One holiday row, locked for the caller's transaction (it is about to change or go). */
export async function lockHoliday(db: Db, id: string) {
  return db.selectFrom('holiday').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateHoliday(db: Db, id: string, fields: HolidayFields): Promise<void> {
  await db.updateTable('holiday').set(fields).where('id', '=', id).execute();
}

export async function deleteHoliday(db: Db, id: string): Promise<void> {
  await db.deleteFrom('holiday').where('id', '=', id).execute();
}
