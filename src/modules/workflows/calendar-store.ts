import { HOLIDAY_DECREES, nationalHolidaysOf } from '../../kernel/calendar/national-holidays.js';
import type { Holiday, WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import {
  listHolidays,
  loadServiceSettings,
  seededHolidayYears,
  seedHolidayYear,
} from './calendar.repository.js';
import type { Db } from './definitions.repository.js';

export { listHolidays, loadServiceSettings, type StoredHoliday } from './calendar.repository.js';

/** Years around `now` whose holidays a calendar must know: due times reach a few years ahead. */
export function holidayWindow(now: Date): number[] {
  const year = now.getUTCFullYear();
  return [year - 1, year, year + 1, year + 2, year + 3];
}

/**
 * The region's working calendar as stored: time zone, service hours and the holiday list.
 * Due times computed with it follow every edit an administrator makes. A year of the window
 * not yet seeded into the list (the background job seeds it) counts with its national
 * holidays from the library, so no year is ever without holidays.
 */
export async function loadWorkingCalendarFor(db: Db, now: Date = new Date()): Promise<WorkingCalendar> {
  const settings = await loadServiceSettings(db);
  const stored = await listHolidays(db);
  const seeded = await seededHolidayYears(db);
  const holidays: Holiday[] = stored.map((h) => ({
    date: h.date,
    name: h.name,
    kind: h.kind,
    tentative: h.tentative,
  }));
  const taken = new Set(holidays.map((h) => h.date));
  for (const year of holidayWindow(now)) {
    if (seeded.has(year)) continue;
    for (const h of nationalHolidaysOf(year)) {
      if (!taken.has(h.date)) holidays.push({ date: h.date, name: h.name, kind: h.kind });
    }
  }
  return { timeZone: settings.timeZone, week: settings.week, holidays };
}

/**
 * Seed one year's national holidays (and cuti bersama where a decree is held) into the editable
 * list, once. Before the region edits a holiday of a year, that year is seeded, so the edit
 * applies to the full list. Returns true when this call seeded it.
 */
export async function ensureHolidayYear(db: Db, year: number): Promise<boolean> {
  const holidays = nationalHolidaysOf(year).map((h) => ({
    date: h.date,
    name: h.name,
    name_en: h.nameEn,
    kind: h.kind,
    tentative: h.tentative ?? false,
    decree: h.decree ?? null,
  }));
  return seedHolidayYear(db, year, HOLIDAY_DECREES[year] ? 'decree' : 'library', holidays);
}
