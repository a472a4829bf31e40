/**
 * Two app instances (the compiled `satudata serve`, as production runs it) on one PostgreSQL
 * database and one S3 server (s3rver), behind nginx as a round-robin load balancer (issue #22):
 * the instances work as one — sessions, uploads, ingest, downloads and workflow decisions cross
 * between them. The cluster (test/support/multi-instance-cluster.ts) starts them with the repo's
 * systemd unit's ExecStart and env example, and nginx runs the repo's site config (docs/deploy/),
 * so those files are tested. Stopping and killing instances: multi-instance-stopping.int.test.ts.
 * Needs TEST_DATABASE_URL and nginx (/usr/sbin/nginx; .ci/run installs it).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/kernel/config.js';
import { TEST_PASSWORD } from '../factories/index.js';
import { DEPLOY, mergeCookies, readEnvFile } from '../support/multi-instance.js';
import {
  CLUSTER_RUNS,
  type Cluster,
  csv,
  LIMIT,
  startCluster,
  stopCluster,
} from '../support/multi-instance-cluster.js';
import { action, loaded, metric, upload } from '../support/multi-instance-probes.js';

describe.skipIf(!CLUSTER_RUNS)('two instances on one PostgreSQL and one S3 server, behind nginx', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster();
  }, LIMIT);
  afterAll(() => stopCluster(c), LIMIT);

  it(
    'runs the deploy files: the env example is a valid configuration, the unit stops with SIGTERM',
    async () => {
      const example = loadConfig(await readEnvFile(path.join(DEPLOY, 'satudata.env.example')));
      expect(example).toMatchObject({ isProduction: true, storage: { kind: 's3', forcePathStyle: true } });
      expect(example.databaseUrl).toMatch(/^postgres:\/\//);
      expect(c.unit).toMatchObject({ args: ['bin/satudata.js', 'serve'], killSignal: 'SIGTERM' });
    },
    LIMIT,
  );

  it(
    'nginx spreads requests over both instances and hides /metrics',
    async () => {
      const before = await Promise.all(
        [c.a, c.b].map((i) =>
          metric(c, i, 'satudata_http_request_duration_seconds_count', { route: '/healthz' }),
        ),
      );
      for (let n = 0; n < 6; n++) expect((await fetch(`${c.proxy.url}/healthz`)).status).toBe(200);
      const after = await Promise.all(
        [c.a, c.b].map((i) =>
          metric(c, i, 'satudata_http_request_duration_seconds_count', { route: '/healthz' }),
        ),
      );
      expect(after[0]).toBeGreaterThan(before[0] ?? 0);
      expect(after[1]).toBeGreaterThan(before[1] ?? 0);
      expect((after[0] ?? 0) + (after[1] ?? 0) - (before[0] ?? 0) - (before[1] ?? 0)).toBe(6);
      expect((await fetch(`${c.proxy.url}/metrics`)).status).toBe(404);
      // Every answer carries the request id nginx gave it.
      expect((await fetch(`${c.proxy.url}/healthz`)).headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    },
    LIMIT,
  );

  it(
    'a session made on one instance is valid on the other',
    async () => {
      const page = await fetch(`${c.a.url}/login`);
      let cookies = mergeCookies(page);
      const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      const login = await fetch(`${c.b.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, username: c.producer.username, password: TEST_PASSWORD }),
      });
      expect(login.status).toBe(303);
      cookies = mergeCookies(login, cookies);
      for (const base of [c.a.url, c.b.url, c.proxy.url, c.proxy.url]) {
        const inbox = await fetch(`${base}/tugas`, { headers: { cookie: cookies }, redirect: 'manual' });
        expect(inbox.status, base).toBe(200);
      }
      const anonymous = await fetch(`${c.a.url}/tugas`, { redirect: 'manual' });
      expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    },
    LIMIT,
  );

  it(
    'an upload received by one instance is ingested exactly once, by whichever claims it, and served by both',
    async () => {
      const dataset = await action<{ id: string }>(c.proxy.url, 'package_create', c.producer.token, {
        name: `jumlah-${randomBytes(3).toString('hex')}`,
        title: 'Jumlah penduduk',
        owner_org: c.agencyCode,
      });
      const doneBefore =
        (await metric(c, c.a, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' })) +
        (await metric(c, c.b, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' }));
      const files = [csv(50, 1), csv(60, 2), csv(70, 3), csv(80, 4)];
      const created = [];
      for (const [n, content] of files.entries())
        created.push(await upload(c, n % 2 === 0 ? c.a.url : c.b.url, dataset.id, `rekap-${n}`, content));
      for (const [n, r] of created.entries()) {
        const { version, job } = await loaded(c, r.id);
        // A retried attempt says why it failed (the job keeps its last error): shown in the log.
        if (job.attempts > 1)
          console.warn(`ingest job of upload ${n} took ${job.attempts} attempts: ${job.error}`);
        // Claimed by one runner only: a second attempt is allowed only after a failure of the
        // first (a transient database or S3 error on a loaded machine), never because another
        // runner took the job from a live one (that failure reads "interrupted: …").
        if (job.attempts > 1)
          expect(job.error ?? '', `job of upload ${n} retried`).not.toMatch(/^interrupted/);
        expect(job.attempts, `job of upload ${n}: ${job.error}`).toBeLessThanOrEqual(job.error ? 3 : 1);
        expect(version.row_count).toBe([50, 60, 70, 80][n]);
      }
      const doneAfter =
        (await metric(c, c.a, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' })) +
        (await metric(c, c.b, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' }));
      // A failed attempt (retried) is counted as an error, never as a run that was done.
      expect(doneAfter - doneBefore, 'four ingest runs over both instances').toBe(4);
      const stopped =
        (await metric(c, c.a, 'satudata_job_duration_seconds_count', {
          kind: 'ingest',
          outcome: 'stopped',
        })) +
        (await metric(c, c.b, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'stopped' }));
      expect(stopped, 'no runner lost a job it was running').toBe(0);
      // The file received by a downloads through a, b and nginx, whole and by range.
      const first = created[0];
      const content = files[0];
      if (!first || !content) throw new Error('no upload');
      const downloadPath = new URL(first.url).pathname;
      for (const base of [c.a.url, c.b.url, c.proxy.url]) {
        const res = await fetch(`${base}${downloadPath}`, { headers: { authorization: c.producer.token } });
        expect(res.status, base).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true);
      }
      const ranged = await fetch(`${c.b.url}${downloadPath}`, {
        headers: { authorization: c.producer.token, range: 'bytes=0-21' },
      });
      expect(ranged.status).toBe(206);
      expect(await ranged.text()).toBe('kecamatan,tahun,jumlah');
      const search = await action<{ total: number }>(c.b.url, 'datastore_search', c.producer.token, {
        resource_id: first.id,
      });
      expect(search.total).toBe(50);
    },
    LIMIT,
  );

  it(
    'a workflow decision on one instance shows in the other instance’s inbox',
    async () => {
      const dataset = await action<{ id: string }>(c.a.url, 'package_create', c.producer.token, {
        name: `alur-${randomBytes(3).toString('hex')}`,
        title: 'Data untuk diperiksa',
        owner_org: c.agencyCode,
        notes: 'Catatan',
      });
      const submission = await action<{ id: string }>(c.a.url, 'submission_create', c.producer.token, {
        dataset_id: dataset.id,
        note: 'Mohon diperiksa',
      });
      type Entry = { submission_id: string | null; outcomes: string[] };
      const custodianInbox = await action<Entry[]>(c.b.url, 'task_list', c.custodian.token);
      expect(custodianInbox.map((e) => e.submission_id)).toContain(submission.id);
      expect(await action<Entry[]>(c.a.url, 'task_list', c.producer.token)).toEqual([]);
      await action(c.b.url, 'submission_verify', c.custodian.token, {
        id: submission.id,
        outcome: 'return',
        note: 'Lengkapi judul',
      });
      const producerInbox = await action<Entry[]>(c.a.url, 'task_list', c.producer.token);
      expect(producerInbox.map((e) => e.submission_id)).toContain(submission.id);
      expect(
        (await action<Entry[]>(c.a.url, 'task_list', c.custodian.token)).map((e) => e.submission_id),
      ).not.toContain(submission.id);
    },
    LIMIT,
  );
});
