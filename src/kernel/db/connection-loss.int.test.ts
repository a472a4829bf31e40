/**
 * The fault test on PostgreSQL (issue 11, finding 3): the app's connections are terminated from
 * a separate admin connection (pg_terminate_backend, chosen by the pool's application_name)
 * while an upload is being copied, while a search runs and while a workflow decision is half-way
 * through its transaction. The process stays up (no unhandled 'error' event), nothing
 * half-written remains, and the next request succeeds. PGlite has no connections to lose.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import {
  callAction,
  createAgency,
  ctxFor,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { apiTokenCreate } from '../../modules/accounts/index.js';
import { GRANTABLE_ROLES } from '../access/roles.js';
import { executeAction } from '../actions/action.js';
import { JobRunner } from '../jobs/job-runner.js';
import { fileStoreFor } from '../storage/file-store.js';
import { APPLICATION_NAME } from './database.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** The name of a version's table (datastore/version-table.ts). */
const tableOf = (versionId: string) => `v_${versionId.replaceAll('-', '')}`;

/** A CSV of `rows` rows: at 100,000 its COPY runs for a second or more. */
function bigCsv(rows: number): Buffer {
  const lines = ['kode,nama,jumlah'];
  for (let i = 1; i <= rows; i++) lines.push(`K${String(i).padStart(7, '0')},Baris nomor ${i},${i * 3}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('lost PostgreSQL connections', () => {
  let t: TestApp;
  let admin: pg.Client;
  /** Holds the locks a request waits on (pg_stat_activity is a snapshot inside a transaction). */
  let locker: pg.Client;
  let producer: string;
  let everyone: string;
  let secretariat: string;
  let runnerErrors: unknown[];
  let runner: JobRunner;
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    t = await createTestApp('postgres');
    admin = new pg.Client({ connectionString: t.databaseUrl, application_name: 'fault-test-admin' });
    await admin.connect();
    locker = new pg.Client({ connectionString: t.databaseUrl, application_name: 'fault-test-locker' });
    await locker.connect();
    const agency = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
    producer = (await userWithToken(t.database, 'producer', agency.id)).token;
    secretariat = (await userWithToken(t.database, 'secretariat')).token;
    const all = await buildUser(t.database, { roles: [...GRANTABLE_ROLES], agencyId: agency.id });
    everyone = (await executeAction(ctxFor(t.database, all.actor), apiTokenCreate, { name: 'semua' })).token;
    runnerErrors = [];
    runner = new JobRunner({
      db: t.database.db,
      driver: 'postgres',
      files: fileStoreFor(t.config),
      pollMs: 50,
      onError: (err) => runnerErrors.push(err),
    });
  });
  afterAll(async () => {
    await runner?.stop();
    await admin?.end();
    await locker?.end();
    await t?.close();
    process.off('uncaughtException', onUncaught);
  });

  /** The app's backends on this test's database (never another run's). */
  const appBackends = `datname = current_database() and application_name = '${APPLICATION_NAME}'
    and pid <> pg_backend_pid()`;

  async function terminateApp(): Promise<number> {
    const r = await admin.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where ${appBackends}`,
    );
    // The pool drops its dead idle clients as their sockets close (a request in those few
    // milliseconds could still be handed one); wait for that before going on.
    for (let i = 0; i < 200; i++) {
      if (!(await admin.query(`select 1 from pg_stat_activity where ${appBackends}`)).rowCount) break;
      await sleep(10);
    }
    await sleep(50);
    return r.rows[0]?.n ?? 0;
  }

  /** Wait until one of the app's backends is running a statement that matches `condition`. */
  async function waitForBackend(condition: string): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const r = await admin.query(`select 1 from pg_stat_activity where ${appBackends} and ${condition}`);
      if (r.rowCount) return;
      await sleep(5);
    }
    const seen = await admin.query(
      `select state, wait_event_type, left(query, 100) as query from pg_stat_activity where ${appBackends}`,
    );
    throw new Error(`no app backend with ${condition}: ${JSON.stringify(seen.rows)}`);
  }

  const dataset = () =>
    resultOf<{ id: string }>(
      callAction(t.app, 'package_create', {
        body: { name: `ds-${uniq()}`, title: 'Data Uji', owner_org: 'dinkes' },
        token: producer,
      }),
    );

  function upload(datasetId: string, content: Buffer) {
    const body = multipartBody(
      { package_id: datasetId },
      { field: 'upload', name: 'besar.csv', type: 'text/csv', content },
    );
    return resultOf<{ id: string }>(
      t.app.inject({
        method: 'POST',
        url: '/api/3/action/resource_create',
        headers: { ...body.headers, authorization: producer },
        payload: body.payload,
      }),
    );
  }

  const versionOf = (resourceId: string) =>
    t.database.db
      .selectFrom('resource_version')
      .select(['id', 'state', 'row_count'])
      .where('resource_id', '=', resourceId)
      .executeTakeFirstOrThrow();

  const datastoreTable = async (versionId: string) =>
    (
      await admin.query(
        `select 1 from information_schema.tables where table_schema = 'datastore' and table_name = $1`,
        [tableOf(versionId)],
      )
    ).rowCount;

  /**
   * A lost connection answers 503 with Retry-After (the same request may succeed again) and
   * nothing in the body but the envelope: no stack, no SQL, no connection detail.
   */
  function expectCleanFailure(res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json(): unknown;
    body: string;
  }) {
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json()).toMatchObject({ success: false, error: { __type: 'Service Unavailable' } });
    expect(res.body).not.toMatch(/\bat \w|terminat|pg_|\.ts:/i);
  }

  it('an upload whose COPY loses its connection is retried; the process stays up, no half-loaded table remains', async () => {
    const rows = 100_000;
    const d = await dataset();
    const r = await upload(d.id, bigCsv(rows));
    const version = await versionOf(r.id);
    await runner.start();
    try {
      await copyCutOff(r.id, version.id, rows);
    } finally {
      // Stopped even when an expectation fails, or its next poll would take the later tests' jobs.
      await runner.stop();
    }
    expect(uncaught).toEqual([]);
  });

  async function copyCutOff(resourceId: string, versionId: string, rows: number) {
    const r = { id: resourceId };
    const version = { id: versionId };
    await waitForBackend(`state = 'active' and query ilike 'copy %'`);
    expect(await terminateApp()).toBeGreaterThan(0);
    // The failed attempt is cleaned up and queued again: no table, the version pending.
    let job = await t.database.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
    for (let i = 0; i < 2000 && job.state === 'running'; i++) {
      await sleep(10);
      job = await t.database.db.selectFrom('job').selectAll().executeTakeFirstOrThrow();
    }
    expect(job).toMatchObject({ state: 'queued', attempts: 1 });
    // The driver reports the cut as the server's FATAL message or, when the socket closes
    // first, as a reset read.
    expect(job.error).toMatch(/terminat|connection|ECONNRESET/i);
    expect(await datastoreTable(version.id)).toBe(0);
    expect((await versionOf(r.id)).state).toBe('pending');
    // The app keeps serving at once, and the retry (after its back-off) loads the whole file.
    expect((await callAction(t.app, 'status_show')).statusCode).toBe(200);
    await t.database.db
      .updateTable('job')
      .set({ run_after: new Date(0) })
      .where('id', '=', job.id)
      .execute();
    let loaded = await versionOf(r.id);
    for (let i = 0; i < 1200 && loaded.state !== 'complete' && loaded.state !== 'error'; i++) {
      await sleep(50);
      loaded = await versionOf(r.id);
    }
    expect(loaded).toMatchObject({ state: 'complete', row_count: rows });
  }

  it('a search whose connection is lost answers a clean 503 with Retry-After and the next search succeeds', async () => {
    const d = await dataset();
    const r = await upload(d.id, Buffer.from('kode,nama,jumlah\nK1,Satu,3\nK2,Dua,6\n'));
    await new JobRunner({
      db: t.database.db,
      driver: 'postgres',
      files: fileStoreFor(t.config),
    }).runUntilIdle();
    const { id: versionId } = await versionOf(r.id);
    // Hold the table so the search waits inside the database, then cut the app off.
    await locker.query('begin');
    let pending: ReturnType<typeof callAction> | undefined;
    try {
      await locker.query(`lock table datastore.${tableOf(versionId)} in access exclusive mode`);
      pending = callAction(t.app, 'datastore_search', { query: { resource_id: r.id }, token: producer });
      await waitForBackend(`wait_event_type = 'Lock'`);
      expect(await terminateApp()).toBeGreaterThan(0);
    } finally {
      await locker.query('rollback');
    }
    if (!pending) throw new Error('the search never started');
    expectCleanFailure(await pending);
    const next = await resultOf<{ records: unknown[] }>(
      callAction(t.app, 'datastore_search', { query: { resource_id: r.id }, token: producer }),
    );
    expect(next.records).toHaveLength(2);
    expect(uncaught).toEqual([]);
  });

  it('a workflow decision cut off mid-transaction leaves the task open, unaudited, and can be made again', async () => {
    const started = await resultOf<{ instance_id: string; task_id: string }>(
      callAction(t.app, 'workflow_process_start', {
        token: secretariat,
        body: { process_kind: 'data_list_cycle', title: 'Daftar Data Uji Putus' },
      }),
    );
    const taskId = started.task_id;
    const outcomes = await t.database.db
      .selectFrom('workflow_task')
      .innerJoin('workflow_instance', 'workflow_instance.id', 'workflow_task.instance_id')
      .select(['workflow_instance.definition', 'workflow_task.step_id'])
      .where('workflow_task.id', '=', taskId)
      .executeTakeFirstOrThrow();
    const def = outcomes.definition as { steps: { id: string; transitions: { outcome: string }[] }[] };
    const outcome = def.steps.find((s) => s.id === outcomes.step_id)?.transitions[0]?.outcome ?? 'done';
    const decideWith = () =>
      callAction(t.app, 'task_complete', {
        token: everyone,
        body: { id: taskId, outcome, note: 'Selesai' },
      });
    // Opening the next step inserts its task, whose key check waits on this row lock: by then
    // the decision has closed its task and written its audit row, in its open transaction.
    await locker.query('begin');
    let pending: ReturnType<typeof decideWith> | undefined;
    try {
      await locker.query('select 1 from workflow_instance where id = $1 for update', [started.instance_id]);
      pending = decideWith();
      await waitForBackend(`wait_event_type = 'Lock' and query ilike 'insert into "workflow_task"%'`);
      expect(await terminateApp()).toBeGreaterThan(0);
    } finally {
      await locker.query('rollback');
    }
    if (!pending) throw new Error('the decision never started');
    expectCleanFailure(await pending);
    const task = () =>
      t.database.db
        .selectFrom('workflow_task')
        .select(['state', 'outcome', 'closed_at'])
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow();
    const audits = () =>
      t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', taskId)
        .where('action', '=', 'workflow_task_complete')
        .execute();
    expect(await task()).toMatchObject({ state: 'open', outcome: null, closed_at: null });
    expect(await audits()).toEqual([]);
    const done = await resultOf<{ outcome: string }>(decideWith());
    expect(done.outcome).toBe(outcome);
    expect((await task()).outcome).toBe(outcome);
    expect(await audits()).toHaveLength(1);
    expect(uncaught).toEqual([]);
  });
});
