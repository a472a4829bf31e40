import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeAction } from '../../../src/kernel/actions/action.js';
import type { ActionContext } from '../../../src/kernel/actions/context.js';
import { HOLIDAYS_2026_2027 } from '../../../src/kernel/calendar/holidays-2026-2027.js';
import { MAGETAN_STANDARD_WEEK } from '../../../src/kernel/calendar/working-calendar.js';
import { addWorkingTime } from '../../../src/kernel/calendar/working-time.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../../src/kernel/errors.js';
import {
  calendarShow,
  calendarUpdate,
  holidayCreate,
  holidayDelete,
  holidayUpdate,
} from '../../../src/modules/workflows/actions/calendar-actions.js';
import {
  regionWorkflowSet,
  workflowDefinitionCopy,
  workflowDefinitionList,
  workflowDefinitionShow,
  workflowDefinitionUpdate,
} from '../../../src/modules/workflows/actions/workflow-definition-actions.js';
import { loadWorkingCalendarFor } from '../../../src/modules/workflows/calendar-store.js';
import { activeDefinition, listDefinitions } from '../../../src/modules/workflows/definitions.js';
import type { WorkflowDefinition } from '../../../src/modules/workflows/domain/definition.js';
import {
  MAGETAN_STATISTIK_SEKTORAL,
  WORKFLOW_PRESETS,
} from '../../../src/modules/workflows/domain/presets/index.js';
import { buildUser } from '../../factories/index.js';
import { ctxFor, uniq } from '../../support/catalog-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js';

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
  describe(`workflow definitions and the working calendar on ${kind}`, () => {
    let t: TestDatabase;
    let admin: ActionContext;
    let custodian: ActionContext;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      admin = ctxFor(t.database, (await buildUser(t.database, { roles: ['administrator'] })).actor);
      custodian = ctxFor(t.database, (await buildUser(t.database, { roles: ['custodian'] })).actor);
    });
    afterAll(() => t.drop());

    it('stores every preset as version 1 on first use and gives each process kind its default', async () => {
      const listed = await executeAction(admin, workflowDefinitionList, {});
      expect(
        listed.definitions
          .filter((d) => d.preset)
          .map((d) => [d.key, d.version])
          .sort(),
      ).toEqual(WORKFLOW_PRESETS.map((p) => [p.key, 1]).sort());
      const active = await activeDefinition(t.database.db, 'dataset_collection');
      expect(active.definition).toEqual(MAGETAN_STATISTIK_SEKTORAL);
      expect(listed.region.dataset_collection).toBe(active.id);
      // Idempotent: a second read stores nothing new.
      expect((await listDefinitions(t.database.db)).length).toBe(listed.definitions.length);
      const shown = await executeAction(admin, workflowDefinitionShow, {
        key: 'banyuwangi-layanan-permintaan-data',
      });
      expect(shown).toMatchObject({ version: 1, process_kind: 'data_request', active: true, preset: true });
    });

    it('only administrators configure workflows and the calendar', async () => {
      for (const [action, input] of [
        [workflowDefinitionList, {}],
        [workflowDefinitionShow, { key: MAGETAN_STATISTIK_SEKTORAL.key }],
        [workflowDefinitionCopy, { key: MAGETAN_STATISTIK_SEKTORAL.key, new_key: `x-${uniq()}` }],
        [workflowDefinitionUpdate, { key: MAGETAN_STATISTIK_SEKTORAL.key, definition: {} }],
        [regionWorkflowSet, { process_kind: 'data_request', definition_id: 'x' }],
        [calendarShow, {}],
        [calendarUpdate, { time_zone: 'Asia/Jayapura' }],
        [holidayCreate, { date: '2026-12-01', name: 'x', kind: 'regional' }],
        [
          holidayUpdate,
          { id: '00000000-0000-0000-0000-000000000000', date: '2026-12-01', name: 'x', kind: 'regional' },
        ],
        [holidayDelete, { id: '00000000-0000-0000-0000-000000000000' }],
      ] as const) {
        // biome-ignore lint/suspicious/noExplicitAny: one loop over differently typed actions
        expect(await rejected(executeAction(custodian, action as any, input))).toBeInstanceOf(
          NotAuthorizedError,
        );
      }
    });

    it('copies a preset to a new key, edits it as a new version, and lets the region choose it', async () => {
      const key = `magetan-${uniq()}`;
      const copy = await executeAction(admin, workflowDefinitionCopy, {
        key: MAGETAN_STATISTIK_SEKTORAL.key,
        new_key: key,
        title: 'Statistik sektoral (disesuaikan)',
      });
      expect(copy).toMatchObject({ key, version: 1, preset: false, active: false });
      expect(await auditCount(t, 'workflow_definition_copy')).toBeGreaterThanOrEqual(1);
      expect(
        await rejected(
          executeAction(admin, workflowDefinitionCopy, { key: MAGETAN_STATISTIK_SEKTORAL.key, new_key: key }),
        ),
      ).toBeInstanceOf(ConflictError);

      // A preset is never edited in place.
      const presetEdit = await rejected(
        executeAction(admin, workflowDefinitionUpdate, {
          key: MAGETAN_STATISTIK_SEKTORAL.key,
          definition: MAGETAN_STATISTIK_SEKTORAL,
        }),
      );
      expect(presetEdit).toBeInstanceOf(ConflictError);

      // Adjust: verification gets 2 days; sent as JSON text, as the advanced form does.
      const edited = structuredClone(copy.definition) as WorkflowDefinition;
      const verify = edited.steps.find((s) => s.id === 'verify_data');
      if (!verify) throw new Error('no verify_data');
      verify.duration = '2 hari';
      const v2 = await executeAction(admin, workflowDefinitionUpdate, {
        key,
        definition: JSON.stringify(edited),
      });
      expect(v2).toMatchObject({ key, version: 2, based_on: copy.id });
      expect((v2.definition as WorkflowDefinition).steps.find((s) => s.id === 'verify_data')?.duration).toBe(
        '2 hari',
      );

      // An invalid edit is refused with the validator's bilingual message and stores nothing.
      verify.transitions = [];
      const invalid = await rejected(
        executeAction(admin, workflowDefinitionUpdate, { key, definition: edited }),
      );
      expect(invalid).toBeInstanceOf(ValidationError);
      expect((invalid as ValidationError).text.en).toMatch(/step 'verify_data' is a dead end/);
      const bad = await rejected(
        executeAction(admin, workflowDefinitionUpdate, { key, definition: '{not json' }),
      );
      expect(bad).toBeInstanceOf(ValidationError);
      expect((await executeAction(admin, workflowDefinitionShow, { key })).version).toBe(2);

      // The region's choice: the kind must match; the old version keeps its row for running instances.
      const wrongKind = await rejected(
        executeAction(admin, regionWorkflowSet, { process_kind: 'data_request', definition_id: v2.id }),
      );
      expect(wrongKind).toBeInstanceOf(ValidationError);
      await executeAction(admin, regionWorkflowSet, {
        process_kind: 'dataset_collection',
        definition_id: v2.id,
      });
      const active = await activeDefinition(t.database.db, 'dataset_collection');
      expect(active).toMatchObject({ id: v2.id, definition: { key, version: 2 } });
      expect((await executeAction(admin, workflowDefinitionShow, { id: copy.id })).version).toBe(1);
      expect(await auditCount(t, 'region_workflow_set')).toBe(1);
      expect(await auditCount(t, 'workflow_definition_update')).toBe(1);
    });

    it('seeds the calendar: WIB, Magetan hours, the 2026–2027 holidays', async () => {
      const calendar = await loadWorkingCalendarFor(t.database.db);
      expect(calendar.timeZone).toBe('Asia/Jakarta');
      expect(calendar.week).toEqual(JSON.parse(JSON.stringify(MAGETAN_STANDARD_WEEK)));
      expect(calendar.holidays.map((h) => h.date)).toEqual(HOLIDAYS_2026_2027.map((h) => h.date).sort());
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
