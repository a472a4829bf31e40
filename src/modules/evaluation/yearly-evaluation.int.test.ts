/**
 * Issue #16 items 3–4: the yearly evaluation is one run per region and year on the evaluation
 * year (never opened after a dataset, nor by the data-list cycle run), and the report to the
 * head of region goes through the leader's approval as a step of that run (approve, or return
 * with a reason), audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import {
  createEvaluationFixture,
  type EvaluationFixture,
} from '../../../test/support/evaluation-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { ConflictError, ValidationError } from '../../kernel/errors.js';
import { startDueCycles } from '../workflows/cycles.js';
import { ensurePresets, getDefinition, setRegionChoice } from '../workflows/definitions.js';
import { JEMBER_PERENCANAAN_PENYELENGGARAAN as JEMBER } from '../workflows/domain/presets/index.js';
import { actOnTask, loadTask, startInstance, YEAR_END_SUBJECT } from '../workflows/index.js';
import {
  evaluationReportApprove,
  evaluationReportGenerate,
  evaluationReportReturn,
} from './actions/evaluation-actions.js';

const DEC_1_2026 = new Date('2026-12-01T01:00:00Z'); // 08:00 WIB

for (const kind of DIALECTS) {
  describe(`the yearly evaluation run and the report's approval on ${kind}`, () => {
    let f: EvaluationFixture;
    beforeAll(async () => {
      f = await createEvaluationFixture(kind);
      const db = f.t.database.db;
      await ensurePresets(db);
      const jember = await getDefinition(db, { key: JEMBER.key });
      await setRegionChoice(db, 'dataset_collection', jember.id, null);
    });
    afterAll(() => f?.t.drop());

    const tasksOf = (instanceId: string) =>
      f.t.database.db
        .selectFrom('workflow_task')
        .select(['step_id', 'state', 'outcome', 'note'])
        .where('instance_id', '=', instanceId)
        .orderBy('opened_at')
        .execute();

    /** Start a run of the Jember SOP at `atStep` and complete its first task as `actor`. */
    async function runFrom(subjectType: string, atStep: string, actor: Actor) {
      const env = (trx: never, audit: never) => ({
        trx,
        audit,
        actor,
        calendar: defaultWorkingCalendar(),
        now: new Date(),
        siteUrl: '',
      });
      return mutate(f.as(actor), async (trx, audit) => {
        const started = await startInstance(env(trx as never, audit as never), {
          definitionId: null,
          definition: JEMBER,
          subjectType,
          subjectId: crypto.randomUUID(),
          subjectTitle: 'Uji',
          agencyId: subjectType === 'dataset' ? f.agencyA.id : null,
          atStep,
        });
        const task = started.task;
        if (!task) throw new Error('no task');
        await actOnTask(
          env(trx as never, audit as never),
          await loadTask(trx, task.id, { forUpdate: true }),
          {
            outcome: 'done',
            note: 'Uji',
          },
        );
        return started.instance;
      });
    }

    it('a published dataset ends its run: steps 21–22 never open per dataset', async () => {
      const run = await runFrom('dataset', 'publish_portal', f.custodian);
      const tasks = await tasksOf(run.id);
      expect(tasks.map((t) => t.step_id)).toEqual(['publish_portal']);
      const state = await f.t.database.db
        .selectFrom('workflow_instance')
        .select('state')
        .where('id', '=', run.id)
        .executeTakeFirstOrThrow();
      expect(state.state).toBe('completed');
    });

    it("the data-list cycle run ends before the year's evaluation", async () => {
      const db = f.t.database.db;
      const run = await runFrom('data_list_cycle', 'draft_list_decree', f.secretariat);
      // Step 16 fans out to every agency: each agency's producer answers its own task.
      for (let guard = 0; guard < 50; guard++) {
        const open = await db
          .selectFrom('workflow_task')
          .select(['id', 'agency_id'])
          .where('instance_id', '=', run.id)
          .where('state', '=', 'open')
          .executeTakeFirst();
        if (!open) break;
        const producer = (await buildUser(f.t.database, { roles: ['producer'], agencyId: open.agency_id }))
          .actor;
        await mutate(f.as(producer), async (trx, audit) =>
          actOnTask(
            { trx, audit, actor: producer, calendar: defaultWorkingCalendar(), now: new Date(), siteUrl: '' },
            await loadTask(trx, open.id, { forUpdate: true }),
            { outcome: 'done', note: 'Uji' },
          ),
        );
      }
      const steps = (await tasksOf(run.id)).map((t) => t.step_id);
      expect(steps).toContain('state_standards');
      expect(steps).not.toContain('evaluate_year');
      const ended = await db
        .selectFrom('workflow_instance')
        .select('state')
        .where('id', '=', run.id)
        .executeTakeFirstOrThrow();
      expect(ended.state).toBe('completed');
    });

    it('the cycle job opens one evaluation run for the year, on the year as subject, from December', async () => {
      const db = f.t.database.db;
      const nov = await startDueCycles(db, new Date('2026-11-20T01:00:00Z'), '');
      // In November the year due is the one before: its run opens (once), not 2026's.
      expect(nov.started.filter((s) => s.processKind === 'evaluation_year').map((s) => s.period)).toEqual([
        '2025',
      ]);
      const first = await startDueCycles(db, DEC_1_2026, '');
      const again = await startDueCycles(db, new Date('2026-12-15T01:00:00Z'), '');
      const started = first.started.filter((s) => s.processKind === 'evaluation_year');
      expect(started).toEqual([expect.objectContaining({ period: '2026' })]);
      expect(again.started.filter((s) => s.processKind === 'evaluation_year')).toEqual([]);
      const runs = await db
        .selectFrom('workflow_instance as i')
        .innerJoin('workflow_subject as s', 's.id', 'i.subject_id')
        .select(['i.id', 's.year', 's.kind', 'i.subject_title'])
        .where('i.subject_type', '=', YEAR_END_SUBJECT)
        .where('s.year', '=', 2026)
        .execute();
      expect(runs).toEqual([
        {
          id: started[0]?.instanceId,
          year: 2026,
          kind: YEAR_END_SUBJECT,
          subject_title: 'Evaluasi Satu Data 2026',
        },
      ]);
      expect(await tasksOf(runs[0]?.id as string)).toEqual([
        expect.objectContaining({ step_id: 'evaluate_year', state: 'open' }),
      ]);
    });

    it('the report goes through the leader: generate → return with a reason → generate → approve → step 22', async () => {
      const db = f.t.database.db;
      const run = await db
        .selectFrom('workflow_instance as i')
        .innerJoin('workflow_subject as s', 's.id', 'i.subject_id')
        .select('i.id')
        .where('i.subject_type', '=', YEAR_END_SUBJECT)
        .where('s.year', '=', 2026)
        .executeTakeFirstOrThrow();
      // Nothing to approve before the secretariat generated a version.
      await expect(
        executeAction(f.as(f.leader), evaluationReportApprove, { year: 2026 }),
      ).rejects.toBeInstanceOf(ConflictError);
      const v1 = (await executeAction(f.as(f.secretariat), evaluationReportGenerate, { year: 2026 })) as {
        id: string;
      };
      expect((await tasksOf(run.id)).map((t) => `${t.step_id}:${t.state}`)).toEqual([
        'evaluate_year:done',
        'approve_report:open',
      ]);
      await expect(
        executeAction(f.as(f.leader), evaluationReportReturn, { year: 2026, reason: ' ' }),
      ).rejects.toBeInstanceOf(ValidationError);
      const back = await executeAction(f.as(f.leader), evaluationReportReturn, {
        year: 2026,
        reason: 'Tambahkan rekomendasi per OPD',
      });
      expect(back).toMatchObject({
        id: v1.id,
        state: 'returned',
        return_reason: 'Tambahkan rekomendasi per OPD',
      });
      // Returned: the secretariat's step is open again; approving now is refused.
      expect((await tasksOf(run.id)).at(-1)).toMatchObject({ step_id: 'evaluate_year', state: 'open' });
      await expect(
        executeAction(f.as(f.leader), evaluationReportApprove, { year: 2026 }),
      ).rejects.toBeInstanceOf(ConflictError);
      const v2 = (await executeAction(f.as(f.secretariat), evaluationReportGenerate, { year: 2026 })) as {
        id: string;
      };
      const ok = await executeAction(f.as(f.leader), evaluationReportApprove, { year: 2026 });
      expect(ok).toMatchObject({ id: v2.id, state: 'approved' });
      const tasks = await tasksOf(run.id);
      expect(tasks.map((t) => `${t.step_id}:${t.outcome ?? t.state}`)).toEqual([
        'evaluate_year:done',
        'approve_report:return',
        'evaluate_year:done',
        'approve_report:approve',
        'report_to_head:open',
      ]);
      expect(tasks[1]?.note).toBe('Tambahkan rekomendasi per OPD');
      const reports = await db
        .selectFrom('evaluation_report')
        .select(['id', 'state', 'run_id'])
        .where('year', '=', 2026)
        .orderBy('generated_at')
        .execute();
      expect(reports).toEqual([
        { id: v1.id, state: 'returned', run_id: run.id },
        { id: v2.id, state: 'approved', run_id: run.id },
      ]);
      const audited = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['evaluation_report_return', 'evaluation_report_approve'])
        .execute();
      expect(audited.map((a) => a.action).sort()).toEqual([
        'evaluation_report_approve',
        'evaluation_report_return',
      ]);
    });
  });
}
