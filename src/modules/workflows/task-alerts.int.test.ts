import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { ctxFor } from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { mutate } from '../../kernel/actions/context.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { startDueCycles } from './cycles.js';
import { activeDefinition } from './definitions.js';
import { MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from './domain/presets/index.js';
import { startInstance } from './engine.js';
import { loadCalendar } from './sources.js';
import { sendTaskAlerts } from './task-alerts.js';
import { alertsOf, cyclesOf } from './time.repository.js';
import { scheduleTimeJobs, TASK_ALERTS_JOB } from './time-jobs.js';

const wit = (local: string) => new Date(`${local}+09:00`);
const SITE = 'https://data.malutprov.test';

/**
 * Reminders before a task is due and escalation to the step's supervisor once it is overdue,
 * on a fixed clock, in app and by mail, each sent once; recurring cycles started once per period.
 */
for (const kind of DIALECTS) {
  describe(`reminders, escalation and cycles on ${kind}`, () => {
    let t: TestApp;
    let custodian: { user: { id: string }; actor: Actor };
    let leader: { user: { id: string }; actor: Actor };
    let taskId: string;
    const mails = (to: string) =>
      t.database.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', to)
        .orderBy('created_at')
        .execute();
    const notes = (userId: string) =>
      t.database.db
        .selectFrom('notification')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();

    beforeAll(async () => {
      t = await createTestApp(kind, { REGION_CODE: '82' });
      custodian = await buildUser(t.database, { roles: ['custodian'] });
      leader = await buildUser(t.database, { roles: ['leader'] });
      await t.database.db
        .updateTable('app_user')
        .set({ email: 'walidata@malut.test' })
        .where('id', '=', custodian.user.id)
        .execute();
      await t.database.db
        .updateTable('app_user')
        .set({ email: 'kabid@malut.test' })
        .where('id', '=', leader.user.id)
        .execute();
      const calendar = await loadCalendar(t.database.db);
      const started = await mutate(ctxFor(t.database, custodian.actor), (trx, audit) =>
        startInstance(
          { trx, audit, actor: custodian.actor, calendar, now: wit('2026-11-02T10:00'), siteUrl: SITE },
          {
            definitionId: null,
            definition: MALUKU_UTARA_PENGUMPULAN_DISEMINASI,
            subjectType: 'process',
            subjectId: '00000000-0000-4000-8000-000000000012',
            subjectTitle: 'Daftar Data Maluku Utara 2027',
            agencyId: null,
          },
        ),
      );
      taskId = started.task?.id as string;
    });
    afterAll(() => t.close());

    it('nothing before the reminder point (Tue 3 Nov 10:00 WIT)', async () => {
      expect(await sendTaskAlerts(t.database.db, wit('2026-11-03T10:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      expect(await alertsOf(t.database.db, taskId)).toEqual([]);
    });

    it('a reminder to the task’s actors on Fri 6 Nov 09:00 WIT, in app and by mail, in WIT; sent once', async () => {
      const before = (await mails('walidata@malut.test')).length;
      expect(await sendTaskAlerts(t.database.db, wit('2026-11-06T09:00'), SITE)).toEqual({
        reminders: 1,
        escalations: 0,
      });
      expect(await sendTaskAlerts(t.database.db, wit('2026-11-06T13:30'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      const sent = await mails('walidata@malut.test');
      expect(sent).toHaveLength(before + 1);
      const mail = sent.at(-1);
      expect(mail?.subject).toContain('Pengingat / Reminder');
      expect(mail?.body).toMatch(/jatuh tempo pada 9 Nov 2026,? 10[.:]00 WIT/);
      expect(mail?.body).toMatch(/is due on 9 Nov 2026,? 10:00 WIT/);
      expect(mail?.body).toContain('Daftar Data Maluku Utara 2027');
      const note = (await notes(custodian.user.id)).find((n) => n.title.startsWith('Pengingat'));
      expect(note?.title_en).toMatch(/^Reminder: .*Daftar Data Maluku Utara 2027/);
      expect(await notes(leader.user.id)).toEqual([]);
    });

    it('escalation to the supervisor once overdue (Mon 9 Nov 10:01 WIT), sent once', async () => {
      expect(await sendTaskAlerts(t.database.db, wit('2026-11-09T10:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      expect(await sendTaskAlerts(t.database.db, wit('2026-11-09T10:01'), SITE)).toEqual({
        reminders: 0,
        escalations: 1,
      });
      expect(await sendTaskAlerts(t.database.db, wit('2026-11-12T10:00'), SITE)).toEqual({
        reminders: 0,
        escalations: 0,
      });
      const toLeader = await mails('kabid@malut.test');
      const escalation = toLeader.filter((m) => m.subject.includes('Overdue task'));
      expect(escalation).toHaveLength(1);
      expect(escalation[0]?.body).toMatch(/melewati batas waktu 9 Nov 2026,? 10[.:]00 WIT/);
      expect(escalation[0]?.body).toMatch(/passed its due time of 9 Nov 2026,? 10:00 WIT/);
      const leaderNotes = await notes(leader.user.id);
      expect(leaderNotes.filter((n) => n.title.startsWith('Terlambat'))).toHaveLength(1);
      expect((await alertsOf(t.database.db, taskId)).map((a) => [a.kind, a.recipients])).toEqual([
        ['escalation', 1],
        ['reminder', 1],
      ]);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', taskId)
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual([
        'workflow_task_escalation',
        'workflow_task_reminder',
      ]);
    });

    it('the workflow_task_alerts job kind runs the sweep and queues its next run', async () => {
      await scheduleTimeJobs(t.database.db, SITE);
      await scheduleTimeJobs(t.database.db, SITE); // idempotent: still one of each
      const queued = await t.database.db
        .selectFrom('job')
        .selectAll()
        .where('state', '=', 'queued')
        .execute();
      expect(queued.map((j) => j.kind).sort()).toEqual(['workflow_cycle_start', 'workflow_task_alerts']);
      const runner = new JobRunner({
        db: t.database.db,
        driver: kind,
        files: fileStoreFor({ dataDir: t.dataDir }),
      });
      expect(await runner.runUntilIdle()).toBe(2);
      const jobs = await t.database.db
        .selectFrom('job')
        .selectAll()
        .where('kind', '=', TASK_ALERTS_JOB.kind)
        .orderBy('id')
        .execute();
      expect(jobs.map((j) => j.state)).toEqual(['done', 'queued']);
      expect(new Date(jobs[1]?.run_after as Date).getTime()).toBeGreaterThan(Date.now());
      // The real-clock sweep found the escalation already sent: nothing twice.
      expect(await alertsOf(t.database.db, taskId)).toHaveLength(2);
    });

    it('North Maluku’s twice-yearly cycle: started once per period through the engine', async () => {
      await activeDefinition(t.database.db, 'data_list_cycle'); // stores the shipped presets
      const chosen = await t.database.db
        .selectFrom('workflow_definition')
        .select('id')
        .where('key', '=', MALUKU_UTARA_PENGUMPULAN_DISEMINASI.key)
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('region_workflow')
        .values({ process_kind: 'data_list_cycle', definition_id: chosen.id })
        .onConflict((oc) => oc.column('process_kind').doUpdateSet({ definition_id: chosen.id }))
        .execute();
      const first = await startDueCycles(t.database.db, wit('2027-01-04T08:00'), SITE);
      expect(first.started.map((s) => s.period)).toEqual(['2027-1']);
      expect((await startDueCycles(t.database.db, wit('2027-03-01T08:00'), SITE)).started).toEqual([]);
      const second = await startDueCycles(t.database.db, wit('2027-07-01T00:00'), SITE);
      expect(second.started.map((s) => s.period)).toEqual(['2027-2']);
      // North Maluku (REGION_CODE 82) runs its own SOP by default (issue #17 item 10), so the
      // real-clock sweep above may already have started the current period: only 2027 is ours.
      const cycles = await cyclesOf(t.database.db, 'data_list_cycle');
      expect(cycles.map((c) => c.period).filter((p) => p.startsWith('2027'))).toEqual(['2027-1', '2027-2']);
      const run = await t.database.db
        .selectFrom('workflow_instance')
        .selectAll()
        .where('id', '=', second.started[0]?.instanceId as string)
        .executeTakeFirstOrThrow();
      expect(run.subject_title).toContain('2027 periode 2 dari 2');
      expect(run.definition_key).toBe(MALUKU_UTARA_PENGUMPULAN_DISEMINASI.key);
      const open = await t.database.db
        .selectFrom('workflow_task')
        .select('step_id')
        .where('instance_id', '=', run.id)
        .execute();
      expect(open.map((o) => o.step_id)).toEqual([MALUKU_UTARA_PENGUMPULAN_DISEMINASI.start]);
    });
  });
}
