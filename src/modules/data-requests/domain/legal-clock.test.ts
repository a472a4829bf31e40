import { describe, expect, it } from 'vitest';
import { defaultWorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { answerDue, ikmIndex, objectionDue, objectionWindowEnd, workingDaysTaken } from './legal-clock.js';

/** Fixed instants, written in WIB (UTC+7), the default calendar's zone (Magetan's service week). */
const wib = (local: string) => new Date(`${local}+07:00`);
const calendar = defaultWorkingCalendar('Asia/Jakarta');

describe('legal clock (UU 14/2008) in the working calendar', () => {
  it('a request filed on a Friday afternoon before a Monday holiday is due at the close of the 10th working day', () => {
    // Fri 29 May 2026 15:00, after Friday's 14:00 close; Mon 1 Jun is Hari Lahir Pancasila,
    // Tue 16 Jun is 1 Muharam: the count starts Tue 2 Jun and ends Wed 17 Jun.
    const d = answerDue(calendar, wib('2026-05-29T15:00:00'), 0);
    expect(d.countFrom).toEqual(wib('2026-06-02T08:00:00'));
    expect(d.due).toEqual(wib('2026-06-17T15:00:00'));
    expect(d.days).toBe(10);
    expect(d.holidaysSkipped.map((h) => h.date)).toEqual(['2026-06-01', '2026-06-16']);
    expect(d.closedWeekdaysSkipped).toBe(6);
  });

  it('an extension adds 7 working days once to the same start', () => {
    const d = answerDue(calendar, wib('2026-05-29T15:00:00'), 7);
    expect(d.days).toBe(17);
    // Wed 17 Jun + 7 working days = Fri 26 Jun, which closes at 14:00.
    expect(d.due).toEqual(wib('2026-06-26T14:00:00'));
  });

  it('a holiday added to the calendar moves the due date one working day later', () => {
    const withHoliday = {
      ...calendar,
      holidays: [
        ...calendar.holidays,
        { date: '2026-06-10', name: 'Hari Jadi Kabupaten', kind: 'regional' as const },
      ],
    };
    expect(answerDue(withHoliday, wib('2026-05-29T15:00:00'), 0).due).toEqual(wib('2026-06-18T15:00:00'));
  });

  it('an objection may be filed up to 30 working days after the answer and is due 30 working days after filing', () => {
    const answered = wib('2026-06-10T10:00:00');
    // 30 working days after Wed 10 Jun, skipping Tue 16 Jun, 17 Aug falls later: Thu 23 Jul.
    expect(objectionWindowEnd(calendar, answered)).toEqual(wib('2026-07-23T15:00:00'));
    const o = objectionDue(calendar, wib('2026-07-01T09:00:00'));
    expect(o.days).toBe(30);
    expect(o.due).toEqual(wib('2026-08-12T15:00:00'));
  });

  it('counts the working days an answer took', () => {
    const filed = wib('2026-06-02T09:00:00');
    expect(workingDaysTaken(calendar, filed, wib('2026-06-02T11:00:00'))).toBe(0);
    expect(workingDaysTaken(calendar, filed, wib('2026-06-03T10:00:00'))).toBe(1);
    expect(workingDaysTaken(calendar, filed, wib('2026-06-17T15:00:00'))).toBe(10);
  });

  it('computes the IKM index as the mean score × 25', () => {
    expect(ikmIndex([4, 4, 4, 4, 4, 4, 4, 4, 4])).toBe(100);
    expect(ikmIndex([3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(75);
  });
});
