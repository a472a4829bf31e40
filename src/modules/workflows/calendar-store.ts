import type {
  Holiday,
  HolidayKind,
  ServiceWeek,
  TimeZone,
  WorkingCalendar,
} from '../../kernel/calendar/working-calendar.js';
import type { Db } from './definitions.js';

/** A stored holiday: the domain's Holiday plus its row id and English name. */
export interface StoredHoliday extends Holiday {
  id: string;
  nameEn: string | null;
  tentative: boolean;
}

export async function listHolidays(db: Db): Promise<StoredHoliday[]> {
  const rows = await db
    .selectFrom('holiday')
    .select(['id', 'date', 'name', 'name_en', 'kind', 'tentative'])
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: String(r.date).slice(0, 10),
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind as HolidayKind,
    tentative: r.tentative,
  }));
}

/** The region's time zone and service week (migration 0006 seeds Magetan's standard). */
export async function loadServiceSettings(db: Db): Promise<{ timeZone: TimeZone; week: ServiceWeek }> {
  const row = await db.selectFrom('work_calendar').select(['time_zone', 'week']).executeTakeFirstOrThrow();
  const week = (typeof row.week === 'string' ? JSON.parse(row.week) : row.week) as ServiceWeek;
  return { timeZone: row.time_zone as TimeZone, week };
}

/**
 * The region's working calendar as stored: time zone, service hours and the holiday list.
 * Due times computed with it follow every edit an administrator makes.
 */
export async function loadWorkingCalendarFor(db: Db): Promise<WorkingCalendar> {
  const settings = await loadServiceSettings(db);
  const holidays = await listHolidays(db);
  return {
    timeZone: settings.timeZone,
    week: settings.week,
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind, tentative: h.tentative })),
  };
}
