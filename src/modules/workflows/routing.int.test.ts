/**
 * Issue #12 routing at run time: a process routed to one agency reaches only that agency's
 * producers (tasks, inbox, notifications); a fan-out reaches each agency once and returns to one
 * agency only; four eyes with the chain of initials; required vs optional inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { ctxOf } from '../../../test/support/flow-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import type { GrantableRole } from '../../kernel/access/roles.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../../kernel/errors.js';
import { workflowRunList, workflowRunShow } from './actions/run-actions.js';
import { taskComplete } from './actions/task-complete.js';
import { taskList } from './actions/task-list.js';
import { userPositionSet } from './actions/user-position-set.js';
import type { WorkflowDefinition } from './domain/definition.js';
import { continueTo, doc, step, t as tx } from './domain/presets/builder.js';
import {
  BANYUWANGI_DISEMINASI,
  BANYUWANGI_PERMINTAAN_DATA,
  MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
} from './domain/presets/index.js';
import { startInstance } from './engine.js';
import { loadRunHistory } from './run-history.js';

for (const kind of DIALECTS) {
  describe(`workflow routing on ${kind}`, () => {
    let t: TestDatabase;
    const agencies: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
    const u: Record<string, Actor> = {};
    const as = (actor: Actor) => ctxOf(t.database, actor);
    const act = (actor: Actor, input: Record<string, unknown>) =>
      executeAction(as(actor), taskComplete, { note: 'ok', ...input });

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      for (const k of ['a', 'b', 'c'] as const) agencies[k] = (await buildAgency(t.database)).id;
      const mk = async (name: string, roles: GrantableRole[], agencyId?: string) => {
        u[name] = (await buildUser(t.database, { roles, agencyId: agencyId ?? null })).actor;
      };
      await mk('pA', ['producer'], agencies.a);
      await mk('pA2', ['producer'], agencies.a);
      await mk('pB', ['producer'], agencies.b);
      await mk('pC', ['producer'], agencies.c);
      await mk('sub', ['custodian']);
      await mk('staff', ['custodian']);
      await mk('staff2', ['custodian']);
      // One person who is statistics staff (custodian) and, as a leader, head of division.
      await mk('kabid', ['custodian', 'leader']);
      await mk('kabid2', ['leader']);
      await mk('sec', ['secretariat']);
      await mk('admin', ['administrator']);
      const give = (who: string, role: string, position: string) =>
        executeAction(as(u.admin as Actor), userPositionSet, { user_id: u[who]?.userId, role, position });
      await give('sub', 'custodian', 'sub_coordinator');
      await give('staff', 'custodian', 'staff');
      await give('staff2', 'custodian', 'staff');
      await give('kabid', 'custodian', 'staff');
      await give('kabid', 'leader', 'division_head');
      await give('kabid2', 'leader', 'division_head');
    });
    afterAll(() => t?.drop());

    const start = (definition: WorkflowDefinition, atStep?: string) =>
      mutate(as(u.sec as Actor), (trx, audit) =>
        startInstance(
          {
            trx,
            audit,
            actor: u.sec as Actor,
            calendar: defaultWorkingCalendar(),
            now: new Date(),
            siteUrl: '',
          },
          {
            definitionId: null,
            definition,
            subjectType: 'data_request',
            subjectId: crypto.randomUUID(),
            subjectTitle: `Uji ${definition.key}`,
            agencyId: null,
            ...(atStep ? { atStep } : {}),
          },
        ),
      );
    const open = (instanceId: string) =>
      t.database.db
        .selectFrom('workflow_task')
        .selectAll()
        .where('instance_id', '=', instanceId)
        .where('state', '=', 'open')
        .execute();
    const inboxSteps = async (who: string) =>
      ((await executeAction(as(u[who] as Actor), taskList, {})) as { step: string }[]).map((e) => e.step);
    const notified = async (taskId: string) =>
      (
        await t.database.db
          .selectFrom('notification')
          .select('user_id')
          .where('task_id', '=', taskId)
          .execute()
      ).map((n) => n.user_id);

    it('routes a data request to the chosen agency only: its producers get the task, the inbox and the notice', async () => {
      const { instance, task } = await start(BANYUWANGI_PERMINTAAN_DATA, 'assign_staff');
      await expect(act(u.sub as Actor, { id: task?.id })).rejects.toBeInstanceOf(ValidationError);
      let r = await act(u.sub as Actor, { id: task?.id, assignee_id: u.staff?.userId });
      expect(r.next_step).toBe('check_availability');
      expect(await inboxSteps('staff2')).not.toContain('check_availability');
      await expect(
        act(u.staff2 as Actor, { id: r.next_task_id, outcome: 'available' }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      r = await act(u.staff as Actor, { id: r.next_task_id, outcome: 'not_available' });
      r = await act(u.sub as Actor, { id: r.next_task_id, agency_id: agencies.a });
      expect(r.next_step).toBe('agency_confirms');
      const [confirm] = await open(instance.id);
      expect(confirm?.agency_id).toBe(agencies.a);
      expect(await inboxSteps('pA')).toContain('agency_confirms');
      expect(await inboxSteps('pB')).not.toContain('agency_confirms');
      expect(await inboxSteps('pC')).not.toContain('agency_confirms');
      expect((await notified(confirm?.id as string)).sort()).toEqual([u.pA?.userId, u.pA2?.userId].sort());
      await expect(act(u.pB as Actor, { id: confirm?.id, outcome: 'available' })).rejects.toBeInstanceOf(
        NotAuthorizedError,
      );
      r = await act(u.pA as Actor, { id: confirm?.id, outcome: 'available' });
      expect(r.next_step).toBe('agency_sends_data');
      expect((await open(instance.id)).map((x) => x.agency_id)).toEqual([agencies.a]);
      // No task anywhere is an agency-bound task without an agency.
      const loose = await t.database.db
        .selectFrom('workflow_task')
        .select('id')
        .where('role', '=', 'producer')
        .where('agency_id', 'is', null)
        .execute();
      expect(loose).toEqual([]);
    });

    it('fans out to each chosen agency once, returns incomplete data to one agency only, then joins', async () => {
      const { instance, task } = await start(MALUKU_UTARA_PENGUMPULAN_DISEMINASI);
      await act(u.sub as Actor, { id: task?.id, agency_ids: [agencies.a, agencies.b] });
      const fan = await open(instance.id);
      expect(fan.map((x) => x.step_id)).toEqual(['receive_data', 'receive_data']);
      expect(fan.map((x) => x.agency_id).sort()).toEqual([agencies.a, agencies.b].sort());
      const taskOf = (agency: string) => fan.find((x) => x.agency_id === agency)?.id;
      expect(await notified(taskOf(agencies.b) as string)).toEqual([u.pB?.userId]);
      expect(await inboxSteps('pC')).not.toContain('receive_data');
      const fromA = await act(u.pA as Actor, { id: taskOf(agencies.a) });
      expect(fromA.next_step).toBe('check_completeness');
      const fromB = await act(u.pB as Actor, { id: taskOf(agencies.b) });
      const back = await act(u.sub as Actor, {
        id: fromA.next_task_id,
        outcome: 'incomplete',
        note: 'Metadata kurang',
      });
      expect(back.next_step).toBe('receive_data');
      const reopened = await open(instance.id);
      expect(reopened.map((x) => [x.step_id, x.agency_id]).sort()).toEqual(
        [
          ['check_completeness', agencies.b],
          ['receive_data', agencies.a],
        ].sort(),
      );
      // B is complete, but A is still out: the next step waits.
      expect(
        (await act(u.sub as Actor, { id: fromB.next_task_id, outcome: 'complete' })).next_step,
      ).toBeNull();
      const again = await act(u.pA2 as Actor, { id: back.next_task_id });
      const joined = await act(u.sub as Actor, { id: again.next_task_id, outcome: 'complete' });
      expect(joined.next_step).toBe('compile_analyse');
      expect((await open(instance.id)).map((x) => x.step_id)).toEqual(['compile_analyse']);
    });

    it('four eyes: the worker cannot approve their own work; the chain of initials is recorded', async () => {
      const { instance, task } = await start(BANYUWANGI_DISEMINASI);
      // The head of division is also statistics staff: disposed to make the infographic.
      let r = await act(u.sub as Actor, { id: task?.id, assignee_id: u.kabid?.userId });
      await expect(act(u.staff as Actor, { id: r.next_task_id })).rejects.toBeInstanceOf(NotAuthorizedError);
      r = await act(u.kabid as Actor, { id: r.next_task_id });
      r = await act(u.kabid as Actor, { id: r.next_task_id });
      await expect(act(u.staff as Actor, { id: r.next_task_id, outcome: 'approve' })).rejects.toBeInstanceOf(
        NotAuthorizedError,
      );
      r = await act(u.sub as Actor, { id: r.next_task_id, outcome: 'approve' });
      expect(r.next_step).toBe('division_head_approval');
      const own = act(u.kabid as Actor, { id: r.next_task_id, outcome: 'approve' });
      await expect(own).rejects.toBeInstanceOf(ConflictError);
      await expect(own).rejects.toThrow(/Empat mata/);
      r = await act(u.kabid2 as Actor, { id: r.next_task_id, outcome: 'reject', note: 'Disposisi ulang' });
      expect(r.next_step).toBe('draft_concept');
      r = await act(u.sub as Actor, { id: r.next_task_id, assignee_id: u.staff2?.userId });
      r = await act(u.staff2 as Actor, { id: r.next_task_id });
      r = await act(u.staff2 as Actor, { id: r.next_task_id });
      r = await act(u.sub as Actor, { id: r.next_task_id, outcome: 'approve' });
      r = await act(u.kabid as Actor, { id: r.next_task_id, outcome: 'approve' });
      expect(r.next_step).toBe('upload_portal');
      r = await act(u.staff2 as Actor, { id: r.next_task_id });
      expect(r.next_task_id).toBeNull();
      const h = await loadRunHistory(t.database.db, u.sec as Actor, instance.id);
      expect(h.instance.state).toBe('completed');
      expect(h.paraf.map((p) => [p.userId, p.position, p.outcome])).toEqual([
        [u.sub?.userId, 'sub_coordinator', 'approve'],
        [u.kabid2?.userId, 'division_head', 'reject'],
        [u.sub?.userId, 'sub_coordinator', 'approve'],
        [u.kabid?.userId, 'division_head', 'approve'],
      ]);
    });

    it('checks required inputs, naming the missing one in both languages; an optional document may be left out', async () => {
      const def: WorkflowDefinition = {
        key: 'uji-persyaratan',
        version: 1,
        processKind: 'data_request',
        title: tx('Uji persyaratan', 'Requirement test'),
        source: { seed: '-', region: '-' },
        start: 'minutes',
        steps: [
          step('minutes', {
            title: tx('Menyusun berita acara', 'Write the minutes'),
            role: 'secretariat',
            actor: tx('Sekretariat', 'Secretariat'),
            outputs: [doc('Berita acara', 'Minutes')],
            duration: '1 jam',
            transitions: continueTo('end'),
            routing: {
              requirements: [
                { kind: 'document', title: tx('Berita acara rapat', 'Meeting minutes'), required: true },
                { kind: 'document', title: tx('Daftar hadir', 'Attendance list'), required: false },
              ],
            },
          }),
        ],
      };
      const { task } = await start(def);
      const refused = act(u.sec as Actor, { id: task?.id, note: 'Rapat selesai' });
      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toMatchObject({
        message: expect.stringContaining('Berita acara rapat'),
        fields: {
          upload_0: [{ id: 'Berita acara rapat wajib dilampirkan', en: 'Meeting minutes is required' }],
        },
      });
      const file = (n: number) => ({
        key: `resources/00000000-0000-4000-8000-00000000000${n}/ba.pdf`,
        size: 10,
        hash: `sha256:${'0'.repeat(64)}`,
        fileName: `ba-${n}.pdf`,
        field: 'upload_0',
      });
      const done = await act(u.sec as Actor, {
        id: task?.id,
        uploads: [file(1), { ...file(2), field: 'uploads' }],
      });
      expect(done.files).toEqual(['ba-1.pdf', 'ba-2.pdf']);
    });

    it('workflow_run_list and workflow_run_show give a run to who may read it: its agency, not another', async () => {
      const { instance, task } = await start(BANYUWANGI_PERMINTAAN_DATA, 'assign_staff');
      let r = await act(u.sub as Actor, { id: task?.id, assignee_id: u.staff?.userId });
      r = await act(u.staff as Actor, { id: r.next_task_id, outcome: 'not_available' });
      r = await act(u.sub as Actor, { id: r.next_task_id, agency_id: agencies.a });
      const list = async (who: string) =>
        ((await executeAction(as(u[who] as Actor), workflowRunList, {})) as { id: string }[]).map(
          (x) => x.id,
        );
      expect(await list('pA')).toContain(instance.id);
      expect(await list('sub')).toContain(instance.id);
      expect(await list('pB')).not.toContain(instance.id);
      const shown = (await executeAction(as(u.pA as Actor), workflowRunShow, { id: instance.id })) as {
        title: string;
        steps: { step: string; actor: string | null }[];
      };
      expect(shown.title).toBe(`Uji ${BANYUWANGI_PERMINTAAN_DATA.key}`);
      expect(shown.steps.map((x) => x.step)).toEqual([
        'assign_staff',
        'check_availability',
        'contact_agency',
        'agency_confirms',
      ]);
      await expect(
        executeAction(as(u.pB as Actor), workflowRunShow, { id: instance.id }),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
