/**
 * Two app instances (the compiled `satudata serve`, as production runs it) on one PostgreSQL
 * database and one S3 server (s3rver), behind nginx as a round-robin load balancer (issue #22).
 * The instances start with the repo's systemd unit's ExecStart and env example, and nginx runs
 * the repo's site config (docs/deploy/), so those files are tested. Needs TEST_DATABASE_URL and
 * nginx (/usr/sbin/nginx; .ci/run installs it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/kernel/config.js';
import { S3FileStore } from '../../src/kernel/storage/file-store.js';
import { buildAgency, TEST_PASSWORD } from '../factories/index.js';
import { userWithToken } from '../support/catalog-fixtures.js';
import {
  DEPLOY,
  freePort,
  GiveUp,
  type Instance,
  type LoadBalancer,
  mergeCookies,
  NGINX,
  readEnvFile,
  readUnit,
  startInstance,
  startNginx,
  waitFor,
  waitReady,
} from '../support/multi-instance.js';
import { startS3Server, type TestS3Server } from '../support/s3-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const METRICS_TOKEN = `metrics-${randomBytes(12).toString('hex')}`;
const runs = Boolean(process.env.TEST_DATABASE_URL);
if (runs && !existsSync(NGINX))
  throw new Error(`the multi-instance test needs nginx at ${NGINX} (apt-get install nginx)`);

/** Limits, not expectations: under a loaded machine instances start and ingest slowly. */
const LIMIT = 300_000;

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** A CSV of `rows` rows (kecamatan, tahun, jumlah). */
function csv(rows: number, seed = 0): Buffer {
  const lines = ['kecamatan,tahun,jumlah'];
  for (let i = 0; i < rows; i++) lines.push(`Kecamatan ${(i + seed) % 18},${2020 + (i % 5)},${i + seed}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe.skipIf(!runs)('two instances on one PostgreSQL and one S3 server, behind nginx', () => {
  let t: TestDatabase;
  let s3: TestS3Server;
  let bucket: S3FileStore;
  let dir: string;
  let env: Record<string, string>;
  let ports: [number, number];
  const instances: Instance[] = [];
  let a: Instance;
  let b: Instance;
  let proxy: LoadBalancer;
  let producer: { token: string; username: string };
  let custodian: { token: string; username: string };
  let agencyCode: string;
  let unit: Awaited<ReturnType<typeof readUnit>>;

  const start = async (name: string, port: number) => {
    const instance = await startInstance(
      name,
      port,
      { ...env, DATA_DIR: path.join(dir, `data-${name}`) },
      dir,
    );
    instances.push(instance);
    return instance;
  };

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    const agency = await buildAgency(t.database);
    agencyCode = agency.code;
    producer = await userWithToken(t.database, 'producer', agency.id);
    custodian = await userWithToken(t.database, 'custodian');
    s3 = await startS3Server();
    bucket = new S3FileStore(s3.settings);
    dir = await mkdtemp(path.join(os.tmpdir(), 'satudata-multi-'));
    unit = await readUnit(path.join(DEPLOY, 'satudata.service'));
    ports = [await freePort(), await freePort()];
    const proxyPort = await freePort();
    env = {
      // The deployment's own example, with this machine's addresses and secrets.
      ...(await readEnvFile(path.join(DEPLOY, 'satudata.env.example'))),
      DATABASE_URL: t.databaseUrl ?? '',
      ...s3.env,
      SITE_URL: `http://127.0.0.1:${proxyPort}`,
      COOKIE_SECRET: randomBytes(24).toString('hex'),
      METRICS_TOKEN,
      // A dead instance's job is taken over after 10 s instead of a minute.
      JOB_LEASE_SECONDS: '10',
      LOG_LEVEL: 'info',
    };
    // Both start at once, as after a deployment.
    [a, b] = await Promise.all([start('a', ports[0]), start('b', ports[1])]);
    await Promise.all([waitReady(a), waitReady(b)]);
    proxy = await startNginx(path.join(dir, 'nginx'), ports, proxyPort);
  }, LIMIT);

  afterAll(async () => {
    await proxy?.stop();
    for (const i of instances)
      if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    await s3?.stop();
    await t?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, LIMIT);

  /** A CKAN action through `base` (an instance or nginx) with an API token. */
  async function action<T = Record<string, unknown>>(
    base: string,
    name: string,
    token: string,
    body: Record<string, unknown> = {},
  ): Promise<T> {
    const res = await fetch(`${base}/api/3/action/${name}`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { success: boolean; result: T; error?: unknown };
    if (!json.success) throw new Error(`${name} on ${base}: ${res.status} ${JSON.stringify(json.error)}`);
    return json.result;
  }

  async function upload(base: string, datasetId: string, name: string, content: Buffer) {
    const form = new FormData();
    form.append('package_id', datasetId);
    form.append('name', name);
    form.append('upload', new Blob([content], { type: 'text/csv' }), `${name}.csv`);
    const res = await fetch(`${base}/api/3/action/resource_create`, {
      method: 'POST',
      headers: { authorization: producer.token },
      body: form,
    });
    const json = (await res.json()) as { success: boolean; result: { id: string; url: string } };
    if (!json.success) throw new Error(`upload to ${base}: ${res.status} ${JSON.stringify(json)}`);
    return json.result;
  }

  /** The ingest job of a resource's latest version, and that version. */
  async function ingestOf(resourceId: string) {
    const version = await t.database.db
      .selectFrom('resource_version')
      .select(['id', 'state', 'row_count'])
      .where('resource_id', '=', resourceId)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    const job = await t.database.db
      .selectFrom('job')
      .select(['id', 'state', 'attempts', 'locked_by', 'error'])
      .where('kind', '=', 'ingest')
      .where(sql<string>`payload->>'versionId'`, '=', version.id)
      .executeTakeFirstOrThrow();
    return { version, job };
  }

  const loaded = (resourceId: string, limitMs = 180_000) =>
    waitFor(
      `the ingest of resource ${resourceId}`,
      async () => {
        const r = await ingestOf(resourceId);
        if (r.version.state === 'error') throw new Error(`ingest failed: ${JSON.stringify(r)}`);
        return r.version.state === 'complete' && r.job.state === 'done' ? r : undefined;
      },
      { limitMs, everyMs: 200 },
    );

  /** Sum of a Prometheus series' samples whose labels include all of `labels`. */
  async function metric(instance: Instance, name: string, labels: Record<string, string>): Promise<number> {
    const res = await fetch(`${instance.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    let sum = 0;
    for (const line of (await res.text()).split('\n')) {
      const m = line.match(/^([a-z_]+)\{([^}]*)\} ([0-9.e+-]+)$/);
      if (!m || m[1] !== name) continue;
      const has = Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`));
      if (has) sum += Number(m[3]);
    }
    return sum;
  }

  async function bucketKeys(): Promise<string[]> {
    const keys: string[] = [];
    for await (const key of bucket.keys()) keys.push(key);
    return keys.sort();
  }

  const owner = (lockedBy: string | null) =>
    instances.find((i) => i.child.exitCode === null && lockedBy?.split(':')[1] === String(i.child.pid));

  /** The instance running a resource's ingest (caught while it runs) and its runner id. */
  const runningIngest = (resourceId: string) =>
    waitFor(
      'the ingest to be running',
      async () => {
        const { job } = await ingestOf(resourceId);
        if (job.state === 'done')
          throw new GiveUp('the ingest ended before it could be stopped: use a larger file');
        const instance = job.state === 'running' ? owner(job.locked_by) : undefined;
        return instance && job.locked_by ? { instance, lockedBy: job.locked_by } : undefined;
      },
      { everyMs: 20 },
    );

  it(
    'runs the deploy files: the env example is a valid configuration, the unit stops with SIGTERM',
    async () => {
      const example = loadConfig(await readEnvFile(path.join(DEPLOY, 'satudata.env.example')));
      expect(example).toMatchObject({ isProduction: true, storage: { kind: 's3', forcePathStyle: true } });
      expect(example.databaseUrl).toMatch(/^postgres:\/\//);
      expect(unit).toMatchObject({ args: ['bin/satudata.js', 'serve'], killSignal: 'SIGTERM' });
    },
    LIMIT,
  );

  it(
    'nginx spreads requests over both instances and hides /metrics',
    async () => {
      const before = await Promise.all(
        [a, b].map((i) => metric(i, 'satudata_http_request_duration_seconds_count', { route: '/healthz' })),
      );
      for (let n = 0; n < 6; n++) expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200);
      const after = await Promise.all(
        [a, b].map((i) => metric(i, 'satudata_http_request_duration_seconds_count', { route: '/healthz' })),
      );
      expect(after[0]).toBeGreaterThan(before[0] ?? 0);
      expect(after[1]).toBeGreaterThan(before[1] ?? 0);
      expect((after[0] ?? 0) + (after[1] ?? 0) - (before[0] ?? 0) - (before[1] ?? 0)).toBe(6);
      expect((await fetch(`${proxy.url}/metrics`)).status).toBe(404);
      // Every answer carries the request id nginx gave it.
      expect((await fetch(`${proxy.url}/healthz`)).headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    },
    LIMIT,
  );

  it(
    'a session made on one instance is valid on the other',
    async () => {
      const page = await fetch(`${a.url}/login`);
      let cookies = mergeCookies(page);
      const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      const login = await fetch(`${b.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, username: producer.username, password: TEST_PASSWORD }),
      });
      expect(login.status).toBe(303);
      cookies = mergeCookies(login, cookies);
      for (const base of [a.url, b.url, proxy.url, proxy.url]) {
        const inbox = await fetch(`${base}/tugas`, { headers: { cookie: cookies }, redirect: 'manual' });
        expect(inbox.status, base).toBe(200);
      }
      const anonymous = await fetch(`${a.url}/tugas`, { redirect: 'manual' });
      expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    },
    LIMIT,
  );

  it(
    'an upload received by one instance is ingested exactly once, by whichever claims it, and served by both',
    async () => {
      const dataset = await action<{ id: string }>(proxy.url, 'package_create', producer.token, {
        name: `jumlah-${randomBytes(3).toString('hex')}`,
        title: 'Jumlah penduduk',
        owner_org: agencyCode,
      });
      const doneBefore =
        (await metric(a, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' })) +
        (await metric(b, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' }));
      const files = [csv(50, 1), csv(60, 2), csv(70, 3), csv(80, 4)];
      const created = [];
      for (const [n, content] of files.entries())
        created.push(await upload(n % 2 === 0 ? a.url : b.url, dataset.id, `rekap-${n}`, content));
      for (const [n, r] of created.entries()) {
        const { version, job } = await loaded(r.id);
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
        (await metric(a, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' })) +
        (await metric(b, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'done' }));
      // A failed attempt (retried) is counted as an error, never as a run that was done.
      expect(doneAfter - doneBefore, 'four ingest runs over both instances').toBe(4);
      const stopped =
        (await metric(a, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'stopped' })) +
        (await metric(b, 'satudata_job_duration_seconds_count', { kind: 'ingest', outcome: 'stopped' }));
      expect(stopped, 'no runner lost a job it was running').toBe(0);
      // The file received by a downloads through a, b and nginx, whole and by range.
      const first = created[0];
      const content = files[0];
      if (!first || !content) throw new Error('no upload');
      const downloadPath = new URL(first.url).pathname;
      for (const base of [a.url, b.url, proxy.url]) {
        const res = await fetch(`${base}${downloadPath}`, { headers: { authorization: producer.token } });
        expect(res.status, base).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(content)).toBe(true);
      }
      const ranged = await fetch(`${b.url}${downloadPath}`, {
        headers: { authorization: producer.token, range: 'bytes=0-21' },
      });
      expect(ranged.status).toBe(206);
      expect(await ranged.text()).toBe('kecamatan,tahun,jumlah');
      const search = await action<{ total: number }>(b.url, 'datastore_search', producer.token, {
        resource_id: first.id,
      });
      expect(search.total).toBe(50);
    },
    LIMIT,
  );

  it(
    'a workflow decision on one instance shows in the other instance’s inbox',
    async () => {
      const dataset = await action<{ id: string }>(a.url, 'package_create', producer.token, {
        name: `alur-${randomBytes(3).toString('hex')}`,
        title: 'Data untuk diperiksa',
        owner_org: agencyCode,
        notes: 'Catatan',
      });
      const submission = await action<{ id: string }>(a.url, 'submission_create', producer.token, {
        dataset_id: dataset.id,
        note: 'Mohon diperiksa',
      });
      type Entry = { submission_id: string | null; outcomes: string[] };
      const custodianInbox = await action<Entry[]>(b.url, 'task_list', custodian.token);
      expect(custodianInbox.map((e) => e.submission_id)).toContain(submission.id);
      expect(await action<Entry[]>(a.url, 'task_list', producer.token)).toEqual([]);
      await action(b.url, 'submission_verify', custodian.token, {
        id: submission.id,
        outcome: 'return',
        note: 'Lengkapi judul',
      });
      const producerInbox = await action<Entry[]>(a.url, 'task_list', producer.token);
      expect(producerInbox.map((e) => e.submission_id)).toContain(submission.id);
      expect(
        (await action<Entry[]>(a.url, 'task_list', custodian.token)).map((e) => e.submission_id),
      ).not.toContain(submission.id);
    },
    LIMIT,
  );

  it(
    'SIGTERM during an upload: the upload finishes whole, nothing is half-written, the other instance ingests it',
    async () => {
      const dataset = await action<{ id: string }>(proxy.url, 'package_create', producer.token, {
        name: `henti-${randomBytes(3).toString('hex')}`,
        title: 'Unggahan saat berhenti',
        owner_org: agencyCode,
      });
      const content = csv(20_000, 7);
      const keysBefore = await bucketKeys();
      const boundary = `----satudata${randomBytes(8).toString('hex')}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="package_id"\r\n\r\n${dataset.id}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nHenti\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="henti.csv"\r\n` +
          'Content-Type: text/csv\r\n\r\n',
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const half = Math.floor(content.length / 2);
      const requestId = `henti-${randomBytes(6).toString('hex')}`;
      const request = http.request(`${a.url}/api/3/action/resource_create`, {
        method: 'POST',
        headers: {
          authorization: producer.token,
          'x-request-id': requestId,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + content.length + tail.length,
        },
      });
      const response = new Promise<{ status: number; body: string }>((done, fail) => {
        request.on('response', (res) => {
          let body = '';
          res.on('data', (d) => {
            body += String(d);
          });
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        });
        request.on('error', fail);
      });
      request.write(Buffer.concat([head, content.subarray(0, half)]));
      // The instance has the request (its log says so) and is reading the file.
      await waitFor('a to receive the upload', async () =>
        (await readFile(a.log, 'utf8'))
          .split('\n')
          .some((line) => line.includes(requestId) && line.includes('incoming request')),
      );
      a.child.kill(unit.killSignal);
      // The instance stops accepting: new connections are refused while the upload goes on.
      await waitFor('a to stop listening', async () => !(await connects(a.port)));
      // Meanwhile nginx sends everything to b.
      for (let n = 0; n < 4; n++) expect((await fetch(`${proxy.url}/healthz`)).status).toBe(200);
      request.end(Buffer.concat([content.subarray(half), tail]));
      const answer = await response;
      expect(answer.status, answer.body).toBe(200);
      const resource = (JSON.parse(answer.body) as { result: { id: string; hash: string; size: number } })
        .result;
      expect(resource).toMatchObject({ hash: sha256(content), size: content.length });
      expect(await a.exited).toBe(0);
      // A new instance takes a's place (started now, used by the next test).
      a = await start('a2', ports[0]);
      // Exactly one new object, whole.
      const keysAfter = await bucketKeys();
      const added = keysAfter.filter((k) => !keysBefore.includes(k));
      expect(added).toHaveLength(1);
      expect(await bucket.sizeOf(added[0] ?? '')).toBe(content.length);
      // a's runner stopped before its last request: another instance ingests the upload.
      const { version, job } = await loaded(resource.id);
      expect(version.row_count).toBe(20_000);
      expect(job.attempts).toBe(1);
    },
    LIMIT,
  );

  it(
    'SIGTERM during a job hands the job back; another instance runs it to the end',
    async () => {
      await waitReady(a);
      const dataset = await action<{ id: string }>(proxy.url, 'package_create', producer.token, {
        name: `tugas-${randomBytes(3).toString('hex')}`,
        title: 'Muat ulang',
        owner_org: agencyCode,
      });
      const rows = 60_000;
      const r = await upload(b.url, dataset.id, 'besar', csv(rows, 11));
      const { instance: running, lockedBy } = await runningIngest(r.id);
      running.child.kill(unit.killSignal);
      expect(await running.exited).toBe(0);
      // Its replacement starts while the other instance finishes the job.
      if (running === a) a = await start('a3', ports[0]);
      else b = await start('b2', ports[1]);
      // Handed back before the process ended (not left for the lease to run out): queued again,
      // or already taken by the other instance.
      const handedBack = (await ingestOf(r.id)).job;
      expect(handedBack.locked_by).not.toBe(lockedBy);
      expect(handedBack.state).not.toBe('failed');
      const { version, job } = await loaded(r.id);
      expect(job.attempts).toBe(2);
      expect(version.row_count).toBe(rows);
      await Promise.all([waitReady(a), waitReady(b)]);
    },
    LIMIT,
  );

  it(
    'an instance killed mid-job has its job recovered by the other once the lease runs out',
    async () => {
      const dataset = await action<{ id: string }>(proxy.url, 'package_create', producer.token, {
        name: `mati-${randomBytes(3).toString('hex')}`,
        title: 'Instans mati',
        owner_org: agencyCode,
      });
      const rows = 60_000;
      const r = await upload(proxy.url, dataset.id, 'besar', csv(rows, 13));
      const { instance: running } = await runningIngest(r.id);
      running.child.kill('SIGKILL');
      await running.exited;
      const { version, job } = await loaded(r.id);
      expect(job.attempts).toBe(2);
      expect(version.row_count).toBe(rows);
      // The finished job still says why its first attempt did not finish (kernel/jobs).
      expect(await ingestOf(r.id).then((x) => x.job.error)).toMatch(
        /^interrupted: the process running it stopped/,
      );
    },
    LIMIT,
  );
});

/** Does a TCP connection to 127.0.0.1:port succeed? */
function connects(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
