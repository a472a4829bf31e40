import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { ctxFor } from '../../../test/support/catalog-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { HOLIDAYS_2026_2027 } from '../../kernel/calendar/holidays-2026-2027.js';
import { MAGETAN_STANDARD_WEEK } from '../../kernel/calendar/working-calendar.js';
import { addWorkingTime } from '../../kernel/calendar/working-time.js';
import { ConflictError, ValidationError } from '../../kernel/errors.js';
import {
  calendarShow,
  calendarUpdate,
  holidayCreate,
  holidayDelete,
  holidayUpdate,
} from './actions/calendar-actions.js';
import { loadWorkingCalendarFor } from './calendar-store.js';

const wib = (local: string) => new Date(`${local}+07:00`);
const wit = (local: string) => new Date(`${local}+09:00`);

async function auditCount(t: TestDatabase, action: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function rejected(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

for (const kind of DIALECTS) {
  describe(`the working calendar on ${kind}`, () => {
    let t: TestDatabase;
    let admin: ActionContext;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      admin = ctxFor(t.database, (await buildUser(t.database, { roles: ['administrator'] })).actor);
    });
    afterAll(() => t.drop());

    it('seeds the calendar: WIB, Magetan hours, the 2026–2027 holidays', async () => {
      const calendar = await loadWorkingCalendarFor(t.database.db);
      expect(calendar.timeZone).toBe('Asia/Jakarta');
      expect(calendar.week).toEqual(JSON.parse(JSON.stringify(MAGETAN_STANDARD_WEEK)));
      const decreed = calendar.holidays.filter((h) => h.date >= '2026' && h.date < '2028');
      expect(decreed.map((h) => h.date)).toEqual(HOLIDAYS_2026_2027.map((h) => h.date).sort());
      const shown = await executeAction(admin, calendarShow, {});
      expect(shown.holidays.find((h) => h.date === '2026-12-25')).toMatchObject({
        kind: 'national',
        tentative: false,
      });
    });

    describe('due times from the stored calendar', () => {
      it('Friday breaks: 60 minutes from Fri 11:00 WIB are due Fri 14:00', async () => {
        const c = await loadWorkingCalendarFor(t.database.db);
        expect(addWorkingTime(c, wib('2026-11-27T11:00'), { amount: 60, unit: 'minutes' })).toEqual(
          wib('2026-11-27T14:00'),
        );
      });

      it('a step spanning a weekend and the seeded Christmas closures: Wed 23 Dec 14:00 + 2 h → Mon 28 Dec 09:00', async () => {
        const c = await loadWorkingCalendarFor(t.database.db);
        expect(addWorkingTime(c, wib('2026-12-23T14:00'), { amount: 2, unit: 'hours' })).toEqual(
          wib('2026-12-28T09:00'),
        );
      });

      it('an edited holiday changes due times; so does its removal', async () => {
        const start = wib('2026-12-03T10:00'); // Thursday
        const oneDay = { amount: 1, unit: 'days' } as const;
        const due = async () => addWorkingTime(await loadWorkingCalendarFor(t.database.db), start, oneDay);
        expect(await due()).toEqual(wib('2026-12-04T10:00'));

        const created = await executeAction(admin, holidayCreate, {
          date: '2026-12-04',
          name: 'Hari jadi kabupaten',
          name_en: 'Regency anniversary',
          kind: 'regional',
        });
        expect(await due()).toEqual(wib('2026-12-07T10:00'));
        expect(
          await rejected(
            executeAction(admin, holidayCreate, { date: '2026-12-04', name: 'x', kind: 'regional' }),
          ),
        ).toBeInstanceOf(ConflictError);

        await executeAction(admin, holidayUpdate, {
          id: created.id,
          date: '2026-12-07',
          name: 'Hari jadi kabupaten',
          kind: 'regional',
          tentative: 'true',
        });
        expect(await due()).toEqual(wib('2026-12-04T10:00'));
        expect(
          addWorkingTime(await loadWorkingCalendarFor(t.database.db), start, { amount: 2, unit: 'days' }),
        ).toEqual(wib('2026-12-08T10:00'));

        await executeAction(admin, holidayDelete, { id: created.id });
        expect(
          addWorkingTime(await loadWorkingCalendarFor(t.database.db), start, { amount: 2, unit: 'days' }),
        ).toEqual(wib('2026-12-07T10:00'));
        expect(await auditCount(t, 'holiday_create')).toBe(1);
        expect(await auditCount(t, 'holiday_update')).toBe(1);
        expect(await auditCount(t, 'holiday_delete')).toBe(1);
      });

      it('due time never moves backwards as the duration grows, on the stored calendar', async () => {
        const c = await loadWorkingCalendarFor(t.database.db);
        fc.assert(
          fc.property(
            fc.date({
              min: new Date('2026-01-01T00:00:00Z'),
              max: new Date('2027-10-01T00:00:00Z'),
              noInvalidDate: true,
            }),
            fc.constantFrom('minutes', 'hours', 'days', 'weeks') as fc.Arbitrary<
              'minutes' | 'hours' | 'days' | 'weeks'
            >,
            fc.integer({ min: 0, max: 40 }),
            fc.integer({ min: 0, max: 40 }),
            (start, unit, a, b) => {
              const [lo, hi] = a <= b ? [a, b] : [b, a];
              const early = addWorkingTime(c, start, { amount: lo, unit });
              const late = addWorkingTime(c, start, { amount: hi, unit });
              return early.getTime() <= late.getTime();
            },
          ),
          { numRuns: 200 },
        );
      });

      it('WIT vs WIB and a 60-working-day step: North Maluku switches the time zone', async () => {
        const before = await loadWorkingCalendarFor(t.database.db);
        const instant = wib('2026-11-23T11:30'); // 13:30 WIT
        const dueWib = addWorkingTime(before, instant, { amount: 60, unit: 'minutes' });
        expect(dueWib).toEqual(wib('2026-11-23T13:30'));

        const invalid = await rejected(
          executeAction(admin, calendarUpdate, {
            week: JSON.stringify({
              ...MAGETAN_STANDARD_WEEK,
              5: { start: '14:00', end: '08:00', breaks: [] },
            }),
          }),
        );
        expect(invalid).toBeInstanceOf(ValidationError);
        expect((invalid as ValidationError).text.en).toMatch(
          /Friday: closing time \(08:00\) must be after opening time/,
        );

        const updated = await executeAction(admin, calendarUpdate, { time_zone: 'Asia/Jayapura' });
        expect(updated.time_zone).toBe('Asia/Jayapura');
        const after = await loadWorkingCalendarFor(t.database.db);
        // Same instant: 13:30 WIT, so one hour of work ends at 14:30 WIT = 12:30 WIB.
        expect(addWorkingTime(after, instant, { amount: 60, unit: 'minutes' })).toEqual(
          wit('2026-11-23T14:30'),
        );
        // SOPS.md §5: 60 working days from Mon 4 Jan 2027 09:00 WIT over the seeded 2027 holidays.
        expect(addWorkingTime(after, wit('2027-01-04T09:00'), { amount: 60, unit: 'days' })).toEqual(
          wit('2027-04-12T09:00'),
        );
        expect(await auditCount(t, 'calendar_update')).toBe(1);
      });
    });
  });
}
