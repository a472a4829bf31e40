import { describe, expect, it } from 'vitest';
import { HOLIDAY_DECREES, libraryHolidays, nationalHolidaysOf } from './national-holidays.js';
import { defaultWorkingCalendar, validateWorkingCalendar } from './working-calendar.js';
import { addWorkingTime } from './working-time.js';

describe('national holidays for any year (date-holidays, Indonesia)', () => {
  it('holidays exist for 2028: fixed, Easter-derived and Hijri dates', () => {
    const h2028 = nationalHolidaysOf(2028);
    const byDate = new Map(h2028.map((h) => [h.date, h]));
    expect(byDate.get('2028-01-01')?.name).toBe('Tahun Baru Masehi');
    expect(byDate.get('2028-08-17')).toMatchObject({
      name: 'Proklamasi Kemerdekaan',
      nameEn: 'Independence Day',
    });
    expect(byDate.get('2028-04-14')?.name).toBe('Wafat Yesus Kristus');
    expect(byDate.get('2028-12-25')?.kind).toBe('national');
    // Hijri dates are the library's estimate: tentative until the decree.
    const fitri = h2028.filter((h) => h.name === 'Idul Fitri');
    expect(fitri).toHaveLength(2);
    expect(fitri.every((h) => h.tentative)).toBe(true);
    // The library's Indonesian name for Laylat al-Mi'raj is wrong; ours is not.
    expect(h2028.find((h) => h.nameEn === "Laylat al-Mi'raj")?.name).toBe('Isra Mikraj Nabi Muhammad S.A.W.');
  });

  it('two holidays on one day are one entry (2028-05-25: Islamic New Year and Ascension)', () => {
    const day = libraryHolidays(2028).filter((h) => h.date === '2028-05-25');
    expect(day).toHaveLength(1);
    expect(day[0]?.name).toContain('Kenaikan Yesus Kristus');
    expect(day[0]?.name).toContain('1 Muharam');
  });

  it('years with a decree keep the decree’s list, cuti bersama included, each naming the decree', () => {
    const h2026 = nationalHolidaysOf(2026);
    const leave = h2026.filter((h) => h.kind === 'collective_leave');
    expect(leave).toHaveLength(8);
    expect(leave.every((h) => h.decree === HOLIDAY_DECREES[2026])).toBe(true);
    expect(HOLIDAY_DECREES[2026]).toContain('Nomor 1497 Tahun 2025');
    // No cuti bersama is ever computed for a year without a decree.
    expect(nationalHolidaysOf(2030).some((h) => h.kind === 'collective_leave')).toBe(false);
  });

  it('a calendar with 2028’s holidays is valid and skips them: Wed 16 Aug 2028 14:00 + 1 day → Fri 18 Aug 14:00', () => {
    const calendar = { ...defaultWorkingCalendar(), holidays: nationalHolidaysOf(2028) };
    expect(validateWorkingCalendar(calendar)).toEqual({});
    const start = new Date('2028-08-16T14:00:00+07:00');
    expect(addWorkingTime(calendar, start, { amount: 1, unit: 'days' })).toEqual(
      new Date('2028-08-18T14:00:00+07:00'),
    );
  });
});
