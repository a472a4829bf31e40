import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2026_2027 } from './holidays-2026-2027.js';
import { defaultWorkingCalendar, validateWorkingCalendar } from './working-calendar.js';

const inYear = (year: string, kind: string) =>
  HOLIDAYS_2026_2027.filter((h) => h.date.startsWith(year) && h.kind === kind);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('HOLIDAYS_2026_2027', () => {
  it('is valid calendar data, in date order, one entry per date', () => {
    expect(validateWorkingCalendar(defaultWorkingCalendar())).toEqual({});
    const dates = HOLIDAYS_2026_2027.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('has the counts the decrees announced: 17 + 8 days in 2026, 18 + 8 in 2027', () => {
    expect(inYear('2026', 'national')).toHaveLength(17);
    expect(inYear('2026', 'collective_leave')).toHaveLength(8);
    expect(inYear('2027', 'national')).toHaveLength(18);
    expect(inYear('2027', 'collective_leave')).toHaveLength(8);
  });

  it('falls on the weekdays the 2026 decree names', () => {
    // Idul Fitri Sat–Sun 21–22 March; cuti bersama Fri 20, Mon 23, Tue 24 March; Christmas Fri.
    expect(
      ['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-12-25'].map(weekday),
    ).toEqual([5, 6, 0, 1, 2, 5]);
  });

  it('marks only 2027 entries as tentative, and no fixed-date holiday', () => {
    const tentative = HOLIDAYS_2026_2027.filter((h) => h.tentative);
    expect(tentative.every((h) => h.date.startsWith('2027'))).toBe(true);
    const fixed = ['2027-01-01', '2027-05-01', '2027-06-01', '2027-08-17', '2027-12-25'];
    expect(tentative.filter((h) => fixed.includes(h.date))).toEqual([]);
  });
});
