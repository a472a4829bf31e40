/**
 * Issue #16 item 4: the leader's approval step of the yearly run is decided only by approving or
 * returning the report. The generic task form (task_complete, the inbox) refuses it, so the run
 * never moves while the report stays a draft; the inbox links to the evaluation page instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { ConflictError } from '../../kernel/errors.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import { startDueCycles } from '../workflows/cycles.js';
import { ensurePresets, getDefinition, setRegionChoice } from '../workflows/definitions.js';
import { JEMBER_PERENCANAAN_PENYELENGGARAAN as JEMBER } from '../workflows/domain/presets/index.js';
import { inboxFor } from '../workflows/inbox.js';
import { evaluationReportApprove, evaluationReportGenerate } from './actions/evaluation-actions.js';

for (const kind of DIALECTS) {
  describe(`the report's approval step is not completable from the task inbox on ${kind}`, () => {
    let t: TestApp;
    let leader: { actor: Actor; username: string };
    let secretariat: Actor;
    let runId: string;
    const as = (actor: Actor): ActionContext => ({ db: t.database.db, actor, requestId: null, ip: null });
    const tasks = () =>
      t.database.db
        .selectFrom('workflow_task')
        .select(['id', 'step_id', 'state'])
        .where('instance_id', '=', runId)
        .orderBy('opened_at')
        .execute();
    const reportState = async () =>
      (
        await t.database.db
          .selectFrom('evaluation_report')
          .select('state')
          .where('year', '=', 2026)
          .executeTakeFirstOrThrow()
      ).state;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const db = t.database.db;
      await ensurePresets(db);
      await setRegionChoice(
        db,
        'dataset_collection',
        (await getDefinition(db, { key: JEMBER.key })).id,
        null,
      );
      const l = await buildUser(t.database, { roles: ['leader'] });
      leader = { actor: l.actor, username: l.user.username };
      secretariat = (await buildUser(t.database, { roles: ['secretariat'] })).actor;
      const due = await startDueCycles(db, new Date('2026-12-01T01:00:00Z'), '');
      runId = due.started.find((s) => s.processKind === 'evaluation_year')?.instanceId ?? '';
      await executeAction(as(secretariat), evaluationReportGenerate, { year: 2026 });
    }, 60_000);
    afterAll(() => t?.close());

    it('task_complete refuses the approval step naming where it is decided; run and report stay', async () => {
      const open = (await tasks()).at(-1);
      expect(open).toMatchObject({ step_id: 'approve_report', state: 'open' });
      for (const outcome of ['approve', 'return']) {
        const err = await executeAction(as(leader.actor), taskComplete, {
          id: open?.id,
          outcome,
          note: 'Disetujui lewat kotak tugas',
        }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect((err as ConflictError).message).toMatch(/halaman evaluasi/);
      }
      expect((await tasks()).at(-1)).toMatchObject({ step_id: 'approve_report', state: 'open' });
      expect(await reportState()).toBe('draft');
    });

    it('the inbox links the step to the evaluation page of its year, without a task form', async () => {
      const open = (await tasks()).at(-1);
      const entry = (await inboxFor(t.database.db, leader.actor, new Date())).find(
        (e) => e.taskId === open?.id,
      );
      expect(entry?.decidedAt?.href).toBe(`/evaluasi/laporan/tugas/${open?.id}`);
      const cookie = await login(t.app, leader.username, TEST_PASSWORD);
      const page = await t.app.inject({ method: 'GET', url: '/tugas', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      const row = page.body.slice(page.body.indexOf(`data-task="${open?.id}"`)).split('</tr>')[0] ?? '';
      expect(row).toContain(`href="/evaluasi/laporan/tugas/${open?.id}"`);
      expect(row).not.toContain('<form');
      const go = await t.app.inject({
        method: 'GET',
        url: `/evaluasi/laporan/tugas/${open?.id}`,
        headers: { cookie },
      });
      expect(go.statusCode).toBe(302);
      expect(go.headers.location).toBe('/evaluasi?tahun=2026#h-rep');
    });

    it('the report actions still decide it: approving moves the run and the report together', async () => {
      await executeAction(as(leader.actor), evaluationReportApprove, { year: 2026 });
      expect(await reportState()).toBe('approved');
      expect((await tasks()).map((x) => `${x.step_id}:${x.state}`)).toEqual([
        'evaluate_year:done',
        'approve_report:done',
        'report_to_head:open',
      ]);
    });
  });
}
