import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar, type WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { romantikDue, romantikState } from './romantik.js';

/** Counting 30 working days from an FS3 date with the working-time calendar (weekends, holidays). */
describe('Romantik 30 working days', () => {
  const plain = defaultWorkingCalendar('Asia/Jakarta');
  const noHolidays: WorkingCalendar = { ...plain, holidays: [] };

  it('counts working days only: 30 from a Monday are six weeks later, Friday to Monday skips the weekend', () => {
    // Monday 2 March 2026 → the 30th working day after it is Monday 13 April 2026 at opening time.
    const due = romantikDue(noHolidays, '2026-03-02');
    expect(due.toISOString()).toBe('2026-04-13T01:00:00.000Z'); // 08:00 WIB
  });

  it('a holiday inside the 30 days moves the due day one working day on', () => {
    const withHoliday: WorkingCalendar = {
      ...noHolidays,
      holidays: [{ date: '2026-03-20', name: 'Libur uji', kind: 'regional' }],
    };
    expect(romantikDue(withHoliday, '2026-03-02').toISOString()).toBe('2026-04-14T01:00:00.000Z');
  });

  it('is overdue only while BPS has not answered after 30 working days', () => {
    const a = { recommendation_status: 'submitted', fs3_submitted_on: '2026-03-02' };
    expect(romantikState(noHolidays, a, new Date('2026-04-10T05:00:00Z')).state).toBe('waiting');
    expect(romantikState(noHolidays, a, new Date('2026-04-14T05:00:00Z')).state).toBe('overdue');
    expect(
      romantikState(noHolidays, { ...a, recommendation_status: 'recommended' }, new Date('2026-05-01')).state,
    ).toBe('answered');
    expect(
      romantikState(noHolidays, { recommendation_status: 'none', fs3_submitted_on: null }, new Date()).state,
    ).toBe('not_submitted');
  });
});
