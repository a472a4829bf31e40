/**
 * Processes without a platform record yet (the data-list cycle, infographic dissemination, data
 * requests) run on the region's SOP: started by hand, each step timed and completed with a
 * note, from the first staff step to the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  callAction,
  createAgency,
  ctxFor,
  resultOf,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { GRANTABLE_ROLES } from '../../kernel/access/roles.js';
import { executeAction } from '../../kernel/actions/action.js';
import { apiTokenCreate } from '../accounts/actions/api-token-create.js';
import type { WorkflowDefinition } from './domain/definition.js';

interface Started {
  instance_id: string;
  definition: string;
  task_id: string | null;
  step: string | null;
  due: string | null;
}

for (const kind of DIALECTS) {
  describe(`workflow_process_start on ${kind}`, () => {
    let t: TestApp;
    let everyone: string;
    /** Two more all-role accounts: four eyes needs a maker, a checker and an approver. */
    let others: { token: string; id: string }[];
    let agencyId: string;
    let secretariat: string;
    let producer: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database, { code: 'bappeda', name: 'Bappeda' });
      // One account holding every staff role walks whole SOPs; the policy still checks each step.
      const all = await buildUser(t.database, { roles: [...GRANTABLE_ROLES], agencyId: agency.id });
      everyone = (await executeAction(ctxFor(t.database, all.actor), apiTokenCreate, { name: 'semua' }))
        .token;
      agencyId = agency.id;
      others = [];
      for (const name of ['dua', 'tiga']) {
        const u = await buildUser(t.database, { roles: [...GRANTABLE_ROLES], agencyId: agency.id });
        const token = (await executeAction(ctxFor(t.database, u.actor), apiTokenCreate, { name })).token;
        others.push({ token, id: u.actor.userId as string });
      }
      secretariat = (await userWithToken(t.database, 'secretariat')).token;
      producer = (await userWithToken(t.database, 'producer', agency.id)).token;
    });
    afterAll(() => t?.close());

    /** Complete open tasks, preferring outcomes that move forward, until the instance ends. */
    async function walkToEnd(instanceId: string, firstTask: string): Promise<string[]> {
      const instance = await t.database.db
        .selectFrom('workflow_instance')
        .selectAll()
        .where('id', '=', instanceId)
        .executeTakeFirstOrThrow();
      const def = instance.definition as WorkflowDefinition;
      const visited: string[] = [];
      let taskId: string | null = firstTask;
      for (let guard = 0; taskId && guard < 100; guard++) {
        const task = await t.database.db
          .selectFrom('workflow_task')
          .selectAll()
          .where('id', '=', taskId)
          .executeTakeFirstOrThrow();
        visited.push(task.step_id);
        const step = def.steps.find((s) => s.id === task.step_id);
        const forward =
          step?.transitions.find((tr) => tr.to === 'end') ??
          step?.transitions.find((tr) => !visited.includes(tr.to)) ??
          step?.transitions[0];
        const body = {
          id: taskId,
          outcome: forward?.outcome ?? 'done',
          note: `Selesai: ${task.step_id}`,
          // A disposition names the second account, the agency, the set of agencies.
          assignee_id: others[0]?.id,
          agency_id: agencyId,
          agency_ids: [agencyId],
        };
        // The first account that may act does (an assigned task or four eyes refuses the others).
        let res = await callAction(t.app, 'task_complete', { token: everyone, body });
        for (const o of others)
          if (res.statusCode !== 200)
            res = await callAction(t.app, 'task_complete', { token: o.token, body });
        const done: { next_task_id: string | null } = await resultOf(res);
        taskId = done.next_task_id;
      }
      return visited;
    }

    for (const processKind of ['data_list_cycle', 'infographic_dissemination', 'data_request'] as const) {
      it(`runs the region's ${processKind} SOP from its first staff step to the end`, async () => {
        const started = await resultOf<Started>(
          callAction(t.app, 'workflow_process_start', {
            token: secretariat,
            body: { process_kind: processKind, title: `Uji ${processKind} 2027` },
          }),
        );
        expect(started.task_id).not.toBeNull();
        expect(started.due).not.toBeNull();
        const inbox = await resultOf<{ subject_title: string }[]>(
          callAction(t.app, 'task_list', { token: everyone }),
        );
        expect(inbox.map((e) => e.subject_title)).toContain(`Uji ${processKind} 2027`);
        const steps = await walkToEnd(started.instance_id, started.task_id as string);
        expect(steps.length).toBeGreaterThan(1);
        const instance = await t.database.db
          .selectFrom('workflow_instance')
          .select(['state', 'subject_title'])
          .where('id', '=', started.instance_id)
          .executeTakeFirstOrThrow();
        expect(instance).toEqual({ state: 'completed', subject_title: `Uji ${processKind} 2027` });
        const audit = await t.database.db
          .selectFrom('audit_log')
          .select('action')
          .where('subject_id', '=', started.instance_id)
          .execute();
        expect(audit.map((a) => a.action)).toContain('workflow_instance_start');
      });
    }

    it('starts a process from the inbox form', async () => {
      const { user } = await buildUser(t.database, { roles: ['secretariat'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/tugas', headers: { cookie } });
      expect(page.body).toContain('action="/tugas/start"');
      const res = await t.app.inject({
        method: 'POST',
        url: '/tugas/start',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          process_kind: 'data_list_cycle',
          title: 'Daftar Data 2028',
        }).toString(),
      });
      expect(res.statusCode).toBe(303);
      const started = await t.database.db
        .selectFrom('workflow_instance')
        .select(['process_kind', 'state'])
        .where('subject_title', '=', 'Daftar Data 2028')
        .executeTakeFirst();
      expect(started).toEqual({ process_kind: 'data_list_cycle', state: 'running' });
    });

    it('refuses a producer, and an unknown process kind with a bilingual message', async () => {
      const refused = await callAction(t.app, 'workflow_process_start', {
        token: producer,
        body: { process_kind: 'data_list_cycle', title: 'Daftar Data 2027' },
      });
      expect(refused.statusCode).toBe(403);
      const bad = await callAction(t.app, 'workflow_process_start', {
        token: secretariat,
        body: { process_kind: 'dataset_check', title: 'x' },
      });
      expect(bad.statusCode).toBe(409);
      expect(JSON.stringify(bad.json().error)).toContain('Jenis proses tidak dikenal');
    });
  });
}
