import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DurationUnit } from './duration.js';
import {
  defaultWorkingCalendar,
  type Holiday,
  type ServiceDay,
  TIME_ZONES,
  type WorkingCalendar,
} from './working-calendar.js';
import { addWorkingTime, isWorkingMoment, workingMinutesBetween } from './working-time.js';

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A service day: four sorted distinct minutes give opening, break and closing; or no break. */
const serviceDay: fc.Arbitrary<ServiceDay | null> = fc.option(
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 4, maxLength: 4 }), fc.boolean())
    .map(([points, withBreak]): ServiceDay => {
      const [open = 0, breakStart = 1, breakEnd = 2, close = 3] = [...points].sort((a, b) => a - b);
      const breaks = withBreak ? [{ start: clock(breakStart), end: clock(breakEnd) }] : [];
      return { start: clock(open), end: clock(close), breaks };
    }),
  { nil: null, freq: 3 },
);

const holidays: fc.Arbitrary<Holiday[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 730 }), { maxLength: 40 })
  .map((offsets) =>
    offsets.map((days) => ({
      date: new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10),
      name: 'Libur',
      kind: 'regional' as const,
    })),
  );

/** Any valid calendar: random zone, service days with or without a break, random holidays. */
const anyCalendar: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...TIME_ZONES),
    days: fc.array(serviceDay, { minLength: 7, maxLength: 7 }),
    holidays,
  })
  .filter(({ days }) => days.some((d) => d !== null))
  .map(({ timeZone, days, holidays }) => {
    const at = (i: number) => days[i] ?? null;
    const week = { 1: at(0), 2: at(1), 3: at(2), 4: at(3), 5: at(4), 6: at(5), 7: at(6) };
    return { timeZone, week, holidays };
  });

const calendars = fc.oneof(fc.constantFrom(...TIME_ZONES.map((z) => defaultWorkingCalendar(z))), anyCalendar);
const instants = fc.date({
  min: new Date('2026-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const units = fc.constantFrom<DurationUnit>('minutes', 'hours', 'days', 'weeks', 'months');

/** The largest amount per unit, so a run stays within a few years. */
const MAX: Record<DurationUnit, number> = { minutes: 20_000, hours: 300, days: 250, weeks: 50, months: 12 };

describe('working-time properties', () => {
  it('due time never moves backwards as the duration grows', () => {
    fc.assert(
      fc.property(calendars, instants, units, fc.nat(), fc.nat(), (calendar, start, unit, x, y) => {
        const a = x % (MAX[unit] + 1);
        const b = y % (MAX[unit] + 1);
        const dueA = addWorkingTime(calendar, start, { amount: Math.min(a, b), unit });
        const dueB = addWorkingTime(calendar, start, { amount: Math.max(a, b), unit });
        expect(dueA.getTime()).toBeLessThanOrEqual(dueB.getTime());
      }),
    );
  });

  it('the working minutes from start to the due time of n minutes are exactly n', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: MAX.minutes }), (calendar, start, n) => {
        const due = addWorkingTime(calendar, start, { amount: n, unit: 'minutes' });
        expect(workingMinutesBetween(calendar, start, due)).toBe(n);
      }),
    );
  });

  it('a due time is a working moment or the end of a working span (closing or break start)', () => {
    fc.assert(
      fc.property(calendars, instants, units, fc.nat(), (calendar, start, unit, x) => {
        const due = addWorkingTime(calendar, start, { amount: x % (MAX[unit] + 1), unit });
        const justBefore = new Date(due.getTime() - 1);
        expect(isWorkingMoment(calendar, due) || isWorkingMoment(calendar, justBefore)).toBe(true);
      }),
    );
  });

  it('hours are sixty working minutes', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: MAX.hours }), (calendar, start, h) => {
        expect(addWorkingTime(calendar, start, { amount: h, unit: 'hours' })).toEqual(
          addWorkingTime(calendar, start, { amount: h * 60, unit: 'minutes' }),
        );
      }),
    );
  });

  it('each further working day moves the due time strictly later', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 1, max: 60 }), (calendar, start, n) => {
        const previous = addWorkingTime(calendar, start, { amount: n - 1, unit: 'days' });
        const next = addWorkingTime(calendar, start, { amount: n, unit: 'days' });
        expect(next.getTime()).toBeGreaterThan(previous.getTime());
      }),
    );
  });
});
