import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { listHolidays, loadServiceSettings } from './calendar.repository.js';
import type { Db } from './definitions.repository.js';

export { listHolidays, loadServiceSettings, type StoredHoliday } from './calendar.repository.js';

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
