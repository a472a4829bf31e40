/**
 * The demo region's dissemination (issue #15, item 7): the demo job makes saved charts, the
 * data book and four infographics, and takes the book and three infographics through the
 * region's dissemination SOP with the demo people in their positions (Walidata drafts, the
 * sub-coordinator initials, the leader approves); the fourth waits for its final approval.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { DEMO_BOOK, DEMO_IN_REVIEW, DEMO_PUBLISHED_INFOGRAPHICS } from '../dissemination/index.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemo } from './seed-demo.js';

for (const kind of DIALECTS) {
  describe(`demo dissemination through the SOP on ${kind}`, () => {
    let t: TestApp;
    const get = (url: string, cookie?: string) =>
      t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
    const runOf = (name: string) =>
      t.database.db
        .selectFrom('publication as p')
        .innerJoin('workflow_instance as i', 'i.id', 'p.instance_id')
        .select(['i.id', 'i.state', 'i.definition', 'p.publish_step'])
        .where('p.name', '=', name)
        .executeTakeFirstOrThrow();
    const tasksOf = (instanceId: string) =>
      t.database.db
        .selectFrom('workflow_task as w')
        .leftJoin('app_user as u', 'u.id', 'w.closed_by')
        .select(['w.step_id', 'w.state', 'w.outcome', 'w.role', 'u.username'])
        .where('w.instance_id', '=', instanceId)
        .orderBy('w.opened_at')
        .execute();

    beforeAll(async () => {
      t = await createTestApp(kind);
      const files = fileStoreFor(t.config);
      await seedDemo(t.database, { isProduction: false, files });
      const runner = new JobRunner({ db: t.database.db, driver: t.kind, files });
      // The demo tables load in jobs; the dissemination job waits for them (queued again later).
      for (let round = 0; round < 10; round++) {
        await runner.runUntilIdle();
        const left = await t.database.db
          .updateTable('job')
          .set({ run_after: new Date(0) })
          .where('state', '=', 'queued')
          .returning('id')
          .execute();
        if (left.length === 0) break;
      }
    }, 600_000);
    afterAll(() => t?.close());

    it('publishes three infographics and the book to everyone; the fourth waits for the head of division', async () => {
      const gallery = (await get('/publikasi')).body;
      expect(DEMO_PUBLISHED_INFOGRAPHICS).toHaveLength(3);
      for (const name of [...DEMO_PUBLISHED_INFOGRAPHICS, DEMO_BOOK]) {
        expect(gallery).toContain(`data-publication="${name}"`);
        const page = await get(`/publikasi/${name}`);
        expect(page.statusCode).toBe(200);
      }
      for (const name of DEMO_PUBLISHED_INFOGRAPHICS) {
        const src = /<img[^>]+src="(\/publikasi\/[^"]+\/berkas\/\d+\/infografis\.png)"/.exec(
          (await get(`/publikasi/${name}`)).body,
        )?.[1];
        expect(src, name).toBeDefined();
        const png = await get(src as string);
        expect(png.statusCode).toBe(200);
        expect(png.headers['content-type']).toBe('image/png');
      }
      const pdf = await get(`/publikasi/${DEMO_BOOK}.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // In review: not public, waiting at a leader's step, not in Walidata's inbox but in the leader's.
      expect(gallery).not.toContain(`data-publication="${DEMO_IN_REVIEW}"`);
      expect((await get(`/publikasi/${DEMO_IN_REVIEW}`)).statusCode).toBe(404);
      const review = await runOf(DEMO_IN_REVIEW);
      expect(review.state).toBe('running');
      const open = (await tasksOf(review.id)).filter((x) => x.state === 'open');
      expect(open.map((x) => x.role)).toEqual(['leader']);
      // "Tugas saya": a task row naming it (notifications below the table may name it too).
      const inboxRow = async (username: string) =>
        /<tr data-step="[^"]*"[^>]*>(?:(?!<\/tr>)[\s\S])*Kependudukan Magetan dalam Angka Singkat/.test(
          (await get('/tugas', await login(t.app, username, DEMO_PASSWORD))).body,
        );
      expect(await inboxRow('walidata')).toBe(false);
      expect(await inboxRow('subkoor.statistik')).toBe(false);
      expect(await inboxRow('pimpinan')).toBe(true);
    });

    it('each published run went through every step, checks by people other than the maker, audited', async () => {
      for (const name of [...DEMO_PUBLISHED_INFOGRAPHICS, DEMO_BOOK]) {
        const run = await runOf(name);
        expect(run.state, name).toBe('completed');
        const tasks = await tasksOf(run.id);
        expect(tasks.every((x) => x.state === 'done')).toBe(true);
        const steps = (run.definition as { steps: { id: string; approves?: string[] }[] }).steps;
        // Every step after the disposition (the maker enters there) has its done task, in order.
        const done = tasks.map((x) => x.step_id);
        expect(done).toEqual(steps.map((s) => s.id).filter((id) => done.includes(id)));
        expect(done.length).toBeGreaterThanOrEqual(steps.length - 1);
        expect(done.at(-1)).toBe(run.publish_step);
        // The checks were decided by others than the maker (four eyes), with their initials.
        const checks = tasks.filter((x) => steps.find((s) => s.id === x.step_id)?.approves?.length);
        expect(checks.length).toBeGreaterThanOrEqual(2);
        for (const c of checks) {
          expect(c.outcome).toBe('approve');
          expect(c.username).not.toBe('walidata');
        }
        expect(new Set(checks.map((c) => c.username))).toEqual(new Set(['subkoor.statistik', 'pimpinan']));
        // The run's history page shows each step.
        const history = await get(`/tugas/runs/${run.id}`, await login(t.app, 'walidata', DEMO_PASSWORD));
        expect(history.statusCode).toBe(200);
        expect(history.body.match(/<tr data-step=/g)?.length).toBe(tasks.length);
      }
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('action', 'in', ['publication_submit', 'workflow_task_complete'])
        .execute();
      expect(audit.filter((a) => a.action === 'publication_submit')).toHaveLength(5);
      expect(audit.filter((a) => a.action === 'workflow_task_complete').length).toBeGreaterThanOrEqual(
        4 * 3 + 1,
      );
    });
  });
}
