import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { ctxFor, uniq } from '../../../test/support/catalog-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../kernel/errors.js';
import {
  calendarShow,
  calendarUpdate,
  holidayCreate,
  holidayDelete,
  holidayUpdate,
} from './actions/calendar-actions.js';
import {
  regionWorkflowSet,
  workflowDefinitionCopy,
  workflowDefinitionList,
  workflowDefinitionShow,
  workflowDefinitionUpdate,
} from './actions/workflow-definition-actions.js';
import { activeDefinition, listDefinitions } from './definitions.js';
import { insertPresetVersions, setRegionChoice } from './definitions.repository.js';
import { PROCESS_KINDS, type ProcessKind, type WorkflowDefinition } from './domain/definition.js';
import {
  MAGETAN_STATISTIK_SEKTORAL,
  NATIONAL_PENGUMPULAN_DATA,
  NATIONAL_PERMINTAAN_DATA,
  SHIPPED_PRESETS,
} from './domain/presets/index.js';

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
  describe(`workflow definitions on ${kind}`, () => {
    let t: TestDatabase;
    let admin: ActionContext;
    let custodian: ActionContext;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      admin = ctxFor(t.database, (await buildUser(t.database, { roles: ['administrator'] })).actor);
      custodian = ctxFor(t.database, (await buildUser(t.database, { roles: ['custodian'] })).actor);
    });
    afterAll(() => t.drop());

    it('stores every preset under its shipped version on first use and gives each process kind its default (national: no site region yet)', async () => {
      const listed = await executeAction(admin, workflowDefinitionList, {});
      expect(
        listed.definitions
          .filter((d) => d.preset)
          .map((d) => [d.key, d.version])
          .sort(),
      ).toEqual(SHIPPED_PRESETS.map((p) => [p.key, p.version]).sort());
      const active = await activeDefinition(t.database.db, 'dataset_collection');
      expect(active.definition).toEqual(NATIONAL_PENGUMPULAN_DATA);
      expect(listed.region.dataset_collection).toBe(active.id);
      // Idempotent: a second read stores nothing new.
      expect((await listDefinitions(t.database.db)).length).toBe(listed.definitions.length);
      const shown = await executeAction(admin, workflowDefinitionShow, { key: NATIONAL_PERMINTAAN_DATA.key });
      expect(shown).toMatchObject({ version: 1, process_kind: 'data_request', active: true, preset: true });
      const other = await executeAction(admin, workflowDefinitionShow, {
        key: 'banyuwangi-layanan-permintaan-data',
      });
      expect(other).toMatchObject({ version: 2, process_kind: 'data_request', active: false, preset: true });
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

    it('moves a region running an older shipped preset to its newest version, never a copy of its own', async () => {
      const db = t.database.db;
      const stored = await listDefinitions(db);
      const runsPreset = async (k: ProcessKind) => {
        const active = await activeDefinition(db, k);
        return stored.find((d) => d.id === active.id)?.preset === true;
      };
      let kindRunningPreset: ProcessKind | undefined;
      for (const k of PROCESS_KINDS) if (await runsPreset(k)) kindRunningPreset = k;
      if (!kindRunningPreset) throw new Error('some process kind runs a shipped preset');
      const before = await activeDefinition(db, kindRunningPreset);
      // A release that corrects the preset ships it as a higher version.
      const next = { ...before.definition, version: before.definition.version + 40 };
      await insertPresetVersions(db, [next]);
      const after = await activeDefinition(db, kindRunningPreset);
      expect(after.id).not.toBe(before.id);
      expect(after.definition.version).toBe(next.version);
      // A region that chose its own copy keeps it.
      const own = (await listDefinitions(db)).find((d) => !d.preset);
      if (!own) throw new Error('the copy test above makes a copy of its own');
      const kind = own.processKind as ProcessKind;
      await setRegionChoice(db, kind, own.id, null);
      const samePreset = stored.find((d) => d.preset && d.processKind === kind);
      if (!samePreset) throw new Error('every process kind has a shipped preset');
      const def = samePreset.definition as WorkflowDefinition;
      await insertPresetVersions(db, [{ ...def, version: def.version + 50 }]);
      expect((await activeDefinition(db, kind)).id).toBe(own.id);
    });
  });
}
