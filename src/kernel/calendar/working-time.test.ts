import { describe, expect, it } from 'vitest';
import type { StandardDuration } from './duration.js';
import {
  type Holiday,
  MAGETAN_STANDARD_WEEK,
  type TimeZone,
  type WorkingCalendar,
} from './working-calendar.js';
import {
  addWorkingDays,
  addWorkingTime,
  isOverdue,
  isWorkingMoment,
  nextWorkingMoment,
  workingMinutesBetween,
} from './working-time.js';

// Fixtures spell out their holidays, so editing the seeded list never changes these results.
const CHRISTMAS_2026: Holiday[] = [
  { date: '2026-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus', kind: 'collective_leave' },
  { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'national' },
];
/** Jan–Apr 2027 closures as listed in the 2027 SKB. */
const EARLY_2027: Holiday[] = [
  '2027-01-01',
  '2027-01-05',
  '2027-02-05',
  '2027-03-08',
  '2027-03-09',
  '2027-03-10',
  '2027-03-11',
  '2027-03-12',
  '2027-03-15',
  '2027-03-25',
  '2027-03-26',
].map((date) => ({ date, name: 'Libur', kind: 'national' }));

function calendar(timeZone: TimeZone, holidays: Holiday[] = []): WorkingCalendar {
  return { timeZone, week: MAGETAN_STANDARD_WEEK, holidays };
}
const WIB = calendar('Asia/Jakarta', CHRISTMAS_2026);
const WIT = calendar('Asia/Jayapura', CHRISTMAS_2026);
const wib = (local: string) => new Date(`${local}+07:00`);
const wit = (local: string) => new Date(`${local}+09:00`);
const minutes = (amount: number): StandardDuration => ({ amount, unit: 'minutes' });

describe('Friday breaks', () => {
  // 2026-11-27 is a Friday: 08:00–11:30, break 11:30–13:30, 13:30–14:00.
  it('a 60-minute task started Fri 11:00 WIB is due Fri 14:00: 30 min before the break, 30 after', () => {
    expect(addWorkingTime(WIB, wib('2026-11-27T11:00'), minutes(60))).toEqual(wib('2026-11-27T14:00'));
  });

  it('a 90-minute task started Fri 11:00 WIB spills into Monday 08:30', () => {
    expect(addWorkingTime(WIB, wib('2026-11-27T11:00'), minutes(90))).toEqual(wib('2026-11-30T08:30'));
  });

  it('a task started during the Friday break starts counting at 13:30', () => {
    expect(addWorkingTime(WIB, wib('2026-11-27T12:00'), minutes(30))).toEqual(wib('2026-11-27T14:00'));
  });

  it('is closed at 13:00 on Friday but open at 13:00 on Thursday', () => {
    expect(isWorkingMoment(WIB, wib('2026-11-27T13:00'))).toBe(false);
    expect(isWorkingMoment(WIB, wib('2026-11-26T13:00'))).toBe(true);
    expect(isWorkingMoment(WIB, wib('2026-11-26T12:59'))).toBe(false);
  });

  it('a task that exactly fills the morning is due at the break, not after it', () => {
    expect(addWorkingTime(WIB, wib('2026-11-27T11:00'), minutes(30))).toEqual(wib('2026-11-27T11:30'));
  });
});

describe('a step spanning a weekend and a holiday', () => {
  // Wed 23 Dec 2026 14:00; Thu 24 is cuti bersama, Fri 25 Christmas, then the weekend.
  it('2 hours from Wednesday 14:00 are due Monday 28 December 09:00', () => {
    expect(addWorkingTime(WIB, wib('2026-12-23T14:00'), { amount: 2, unit: 'hours' })).toEqual(
      wib('2026-12-28T09:00'),
    );
  });

  it('counts only the working minutes across it', () => {
    expect(workingMinutesBetween(WIB, wib('2026-12-23T14:00'), wib('2026-12-28T09:00'))).toBe(120);
    expect(workingMinutesBetween(WIB, wib('2026-12-23T14:00'), wib('2026-12-27T23:59'))).toBe(60);
  });

  it('1 working day from Wednesday 10:00 is Monday 10:00', () => {
    expect(addWorkingDays(WIB, wib('2026-12-23T10:00'), 1)).toEqual(wib('2026-12-28T10:00'));
  });

  it('is not overdue over the holidays, and overdue just after the due time', () => {
    const start = wib('2026-12-23T14:00');
    const twoHours: StandardDuration = { amount: 2, unit: 'hours' };
    expect(isOverdue(WIB, start, twoHours, wib('2026-12-25T12:00'))).toBe(false);
    expect(isOverdue(WIB, start, twoHours, wib('2026-12-28T09:00'))).toBe(false);
    expect(isOverdue(WIB, start, twoHours, new Date(wib('2026-12-28T09:00').getTime() + 1))).toBe(true);
  });

  it('moves a moment on the holiday to the next working day', () => {
    expect(nextWorkingMoment(WIB, wib('2026-12-24T10:00'))).toEqual(wib('2026-12-28T08:00'));
  });
});

describe('WIT vs WIB', () => {
  it('applies the same wall-clock rules, giving instants two hours apart', () => {
    const dueWib = addWorkingTime(WIB, wib('2026-11-23T11:30'), minutes(60));
    const dueWit = addWorkingTime(WIT, wit('2026-11-23T11:30'), minutes(60));
    expect(dueWib).toEqual(wib('2026-11-23T13:30'));
    expect(dueWit).toEqual(wit('2026-11-23T13:30'));
    expect(dueWib.getTime() - dueWit.getTime()).toBe(2 * 60 * 60_000);
  });

  it('reads one instant on each wall clock: 14:30 in Jakarta is 16:30, after closing, in Jayapura', () => {
    const instant = new Date('2026-11-23T07:30:00Z');
    expect(isWorkingMoment(WIB, instant)).toBe(true);
    expect(isWorkingMoment(WIT, instant)).toBe(false);
    expect(nextWorkingMoment(WIT, instant)).toEqual(wit('2026-11-24T08:00'));
  });

  it('so the same request, received at the same instant, falls due earlier in Jayapura', () => {
    const instant = new Date('2026-11-23T07:30:00Z');
    expect(addWorkingTime(WIB, instant, minutes(60))).toEqual(wib('2026-11-24T08:30'));
    expect(addWorkingTime(WIT, instant, minutes(60))).toEqual(wit('2026-11-24T09:00'));
    expect(addWorkingTime(WIT, instant, minutes(60)).getTime()).toBeLessThan(
      addWorkingTime(WIB, instant, minutes(60)).getTime(),
    );
  });

  it('uses WITA for Makassar', () => {
    const wita = calendar('Asia/Makassar');
    expect(nextWorkingMoment(wita, new Date('2026-11-23T00:00:00Z'))).toEqual(
      new Date('2026-11-23T08:00:00+08:00'),
    );
  });
});

describe('a 60-working-day step (North Maluku, WIT)', () => {
  const maluku = calendar('Asia/Jayapura', EARLY_2027);
  // Counted by hand from Mon 4 Jan 2027: Jan 6–29 → 18, Feb 1–4 → 22, Feb 8–Mar 5 → 42,
  // Mar 8–15 closed (Nyepi, Idul Fitri, cuti bersama), Mar 16–24 → 49, Mar 25–26 closed,
  // Mar 29–Apr 9 → 59, Mon 12 Apr → 60.
  it('started Mon 4 Jan 2027 09:00 WIT is due Mon 12 Apr 2027 09:00 WIT', () => {
    const due = addWorkingTime(maluku, wit('2027-01-04T09:00'), { amount: 60, unit: 'days' });
    expect(due).toEqual(wit('2027-04-12T09:00'));
    expect(due.toISOString()).toBe('2027-04-12T00:00:00.000Z');
  });

  it('equals 3 working months and 12 working weeks', () => {
    const start = wit('2027-01-04T09:00');
    const sixty = addWorkingTime(maluku, start, { amount: 60, unit: 'days' });
    expect(addWorkingTime(maluku, start, { amount: 3, unit: 'months' })).toEqual(sixty);
    expect(addWorkingTime(maluku, start, { amount: 12, unit: 'weeks' })).toEqual(sixty);
  });

  it('is overdue only after its due time', () => {
    const start = wit('2027-01-04T09:00');
    const step: StandardDuration = { amount: 60, unit: 'days' };
    expect(isOverdue(maluku, start, step, wit('2027-04-12T09:00'))).toBe(false);
    expect(isOverdue(maluku, start, step, wit('2027-04-12T09:01'))).toBe(true);
  });
});

describe(addWorkingDays.name, () => {
  it('keeps the clock time: Monday 10:00 + 1 day = Tuesday 10:00', () => {
    expect(addWorkingDays(WIB, wib('2026-11-23T10:00'), 1)).toEqual(wib('2026-11-24T10:00'));
  });

  it('is not a fixed number of minutes: Friday 10:00 + 1 day = Monday 10:00, + 360 minutes = Monday 12:00', () => {
    expect(addWorkingDays(WIB, wib('2026-11-27T10:00'), 1)).toEqual(wib('2026-11-30T10:00'));
    expect(addWorkingTime(WIB, wib('2026-11-27T10:00'), minutes(360))).toEqual(wib('2026-11-30T12:00'));
  });

  it('clamps to Friday closing: Thursday 14:30 + 1 day = Friday 14:00', () => {
    expect(addWorkingDays(WIB, wib('2026-11-26T14:30'), 1)).toEqual(wib('2026-11-27T14:00'));
  });

  it('clamps to the Friday break: Monday 11:45 + 4 days = Friday 11:30', () => {
    expect(addWorkingDays(WIB, wib('2026-11-23T11:45'), 4)).toEqual(wib('2026-11-27T11:30'));
  });

  it('starts a request received after hours or at the weekend from the next opening', () => {
    expect(addWorkingDays(WIB, wib('2026-11-23T16:00'), 1)).toEqual(wib('2026-11-25T08:00'));
    expect(addWorkingDays(WIB, wib('2026-11-28T10:00'), 1)).toEqual(wib('2026-12-01T08:00'));
  });

  it('counts a week as five working days: Wednesday to Wednesday', () => {
    expect(addWorkingTime(WIB, wib('2026-11-25T10:00'), { amount: 1, unit: 'weeks' })).toEqual(
      wib('2026-12-02T10:00'),
    );
  });

  it('returns the next working moment for zero days', () => {
    expect(addWorkingDays(WIB, wib('2026-11-27T15:00'), 0)).toEqual(wib('2026-11-30T08:00'));
  });
});

describe(workingMinutesBetween.name, () => {
  it('skips the lunch break and the weekend', () => {
    expect(workingMinutesBetween(WIB, wib('2026-11-26T11:00'), wib('2026-11-26T14:00'))).toBe(120);
    expect(workingMinutesBetween(WIB, wib('2026-11-27T11:00'), wib('2026-11-30T09:00'))).toBe(120);
  });

  it('is negative when the end comes first', () => {
    expect(workingMinutesBetween(WIB, wib('2026-11-30T09:00'), wib('2026-11-27T11:00'))).toBe(-120);
  });

  it('is zero across a closed stretch, either way round', () => {
    expect(workingMinutesBetween(WIB, wib('2026-11-27T14:00'), wib('2026-11-30T08:00'))).toBe(0);
    expect(workingMinutesBetween(WIB, wib('2026-11-30T08:00'), wib('2026-11-27T14:00'))).toBe(0);
  });
});

describe('invalid input', () => {
  it('refuses an invalid calendar rather than computing from it', () => {
    const broken = { ...WIB, week: { ...WIB.week, 1: { start: '15:00', end: '08:00', breaks: [] } } };
    expect(() => nextWorkingMoment(broken, wib('2026-11-23T10:00'))).toThrow(
      'Invalid working calendar: Monday: closing time (08:00) must be after opening time (15:00)',
    );
  });

  it('refuses an invalid date', () => {
    expect(() => isWorkingMoment(WIB, new Date('nope'))).toThrow(RangeError);
  });
});
