import type { Actor } from '../../src/kernel/access/policy.js';
import type { ActionContext } from '../../src/kernel/actions/context.js';
import type { DriverKind } from '../../src/kernel/db/database.js';
import { buildAgency, buildUser } from '../factories/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * A year of history whose true figures are known (issue #16 "Done when"): SOP tasks with their
 * working minutes and due times, completed runs of known length, submissions, portal use.
 * Every time is in 2026 (WIB), away from the year's edges, except the rows that must be left out.
 */
export interface EvaluationFixture {
  t: TestDatabase;
  agencyA: { id: string; name: string };
  agencyB: { id: string; name: string };
  producerA: Actor;
  custodian: Actor;
  supervisor: Actor;
  secretariat: Actor;
  leader: Actor;
  admin: Actor;
  datasetA: string;
  as(actor: Actor): ActionContext;
}

const DEF_P1 = {
  key: 'p1',
  title: { id: 'Pengumpulan uji', en: 'Test collection' },
  steps: [
    { id: 'upload', title: { id: 'Unggah data', en: 'Upload data' }, duration: '1 hari' },
    {
      id: 'verify',
      title: { id: 'Periksa data', en: 'Check data' },
      duration: '2 jam',
      feature: 'dataset_verify',
    },
  ],
};
const DEF_P2 = {
  key: 'p2',
  title: { id: 'Permintaan uji', en: 'Test request' },
  steps: [{ id: 'answer', title: { id: 'Jawab', en: 'Answer' }, duration: '3 minggu' }],
};

const at = (s: string) => new Date(`${s}+07:00`);

export async function createEvaluationFixture(kind: DriverKind): Promise<EvaluationFixture> {
  const t = await createTestDatabase(kind);
  const db = t.database.db;
  const a = await buildAgency(t.database, { name: 'Dinas Kesehatan Uji' });
  const b = await buildAgency(t.database, { name: 'Dinas Pendidikan Uji' });
  const producerA = (await buildUser(t.database, { roles: ['producer'], agencyId: a.id })).actor;
  const custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
  const supervisor = (await buildUser(t.database, { roles: ['supervisor'] })).actor;
  const secretariat = (await buildUser(t.database, { roles: ['secretariat'] })).actor;
  const leader = (await buildUser(t.database, { roles: ['leader'] })).actor;
  const admin = (await buildUser(t.database, { roles: ['administrator'] })).actor;

  const dataset = async (agencyId: string, name: string) =>
    (
      await db
        .insertInto('dataset')
        .values({ name, title: `Data ${name}`, agency_id: agencyId, private: false, extras: '{}' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const dA = await dataset(a.id, 'data-a');
  const dB = await dataset(b.id, 'data-b');

  const run = async (
    def: typeof DEF_P1 | typeof DEF_P2,
    processKind: string,
    agencyId: string,
    subject: string,
    started: string,
    ended: string | null,
  ) =>
    (
      await db
        .insertInto('workflow_instance')
        .values({
          definition_key: def.key,
          definition_version: 1,
          definition: JSON.stringify(def),
          process_kind: processKind,
          subject_type: 'dataset',
          subject_id: subject,
          agency_id: agencyId,
          state: ended ? 'completed' : 'running',
          started_at: at(started),
          ended_at: ended ? at(ended) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const task = async (
    instance: string,
    step: string,
    agencyId: string,
    minutes: number | null,
    closed: string | null,
    due: string | null,
    outcome = 'done',
  ) =>
    db
      .insertInto('workflow_task')
      .values({
        instance_id: instance,
        step_id: step,
        role: 'producer',
        agency_id: agencyId,
        state: closed ? 'done' : 'open',
        opened_at: at('2026-03-01T08:00:00'),
        due_at: due ? at(due) : null,
        closed_at: closed ? at(closed) : null,
        working_minutes: minutes,
        outcome: closed ? outcome : null,
      })
      .execute();

  // Three completed p1 runs of agency A: 2, 4 and 10 days long.
  const r1 = await run(DEF_P1, 'dataset_collection', a.id, dA, '2026-03-02T08:00:00', '2026-03-04T08:00:00');
  const r2 = await run(DEF_P1, 'dataset_collection', a.id, dA, '2026-04-01T08:00:00', '2026-04-05T08:00:00');
  const r3 = await run(DEF_P1, 'dataset_collection', b.id, dB, '2026-05-01T08:00:00', '2026-05-11T08:00:00');
  // Step "upload": 10, 20, 30, 40, 100 working minutes; 3 in time, 1 late, 1 without a due time.
  await task(r1, 'upload', a.id, 10, '2026-03-02T09:00:00', '2026-03-03T08:00:00');
  await task(r1, 'upload', a.id, 20, '2026-03-02T10:00:00', '2026-03-03T08:00:00');
  await task(r2, 'upload', a.id, 30, '2026-04-01T10:00:00', '2026-04-02T08:00:00');
  await task(r2, 'upload', a.id, 40, '2026-04-03T10:00:00', '2026-04-02T08:00:00'); // late: r2 not all in time
  await task(r3, 'upload', b.id, 100, '2026-05-02T10:00:00', null);
  // Step "verify" (the custodian's check): A 60 (approve), 120 (return); B 30, 90, 150 (approve, return, return).
  await task(r1, 'verify', a.id, 60, '2026-03-03T10:00:00', '2026-03-03T12:00:00');
  await task(r2, 'verify', a.id, 120, '2026-04-04T10:00:00', '2026-04-04T12:00:00', 'return');
  await task(r3, 'verify', b.id, 30, '2026-05-03T10:00:00', '2026-05-03T12:00:00');
  await task(r3, 'verify', b.id, 90, '2026-05-04T10:00:00', '2026-05-04T12:00:00', 'return');
  await task(r3, 'verify', b.id, 150, '2026-05-05T10:00:00', '2026-05-05T12:00:00', 'return');
  // Left out: a task closed in 2025, an open task, a run completed in 2025.
  const old = await run(DEF_P1, 'dataset_collection', a.id, dA, '2025-06-01T08:00:00', '2025-06-20T08:00:00');
  await task(old, 'upload', a.id, 5000, '2025-06-02T08:00:00', '2025-06-03T08:00:00');
  await task(r3, 'upload', b.id, null, null, '2026-05-02T08:00:00');
  // Two data requests (p2): 20 and 25 days against the 21-day standard.
  await run(DEF_P2, 'data_request', a.id, dA, '2026-06-01T08:00:00', '2026-06-21T08:00:00');
  await run(DEF_P2, 'data_request', b.id, dB, '2026-07-01T08:00:00', '2026-07-26T08:00:00');

  // Submissions: A sent 2 (one decided), B sent 1 (decided).
  const submission = async (
    datasetId: string,
    instance: string,
    n: number,
    state: 'submitted' | 'verified' | 'returned',
  ) =>
    db
      .insertInto('dataset_submission')
      .values({
        dataset_id: datasetId,
        number: n,
        instance_id: instance,
        state,
        resources: '[]',
        metadata: '{}',
        submitted_by_name: 'uji',
        submitted_at: at(`2026-0${2 + n}-01T09:00:00`),
      })
      .execute();
  await submission(dA, r1, 1, 'verified');
  await submission(dA, r2, 2, 'submitted');
  await submission(dB, r3, 1, 'returned');

  // Portal use: A's dataset 10 views + 3 downloads in January, 7 API calls in February; 99 views
  // and 50 more on 31 December in 2025 (a day that is still 2025 in WIB); B's 2 downloads on the
  // year's last day.
  await db
    .insertInto('portal_usage')
    .values([
      { day: '2026-01-01', dataset_id: dA, kind: 'view', count: 10 },
      { day: '2026-01-01', dataset_id: dA, kind: 'download', count: 3 },
      { day: '2026-02-01', dataset_id: dA, kind: 'api', count: 7 },
      { day: '2025-12-01', dataset_id: dA, kind: 'view', count: 99 },
      { day: '2026-02-01', dataset_id: dB, kind: 'view', count: 4 },
      { day: '2025-12-31', dataset_id: dA, kind: 'view', count: 50 },
      { day: '2026-12-31', dataset_id: dB, kind: 'download', count: 2 },
    ])
    .execute();

  return {
    t,
    agencyA: { id: a.id, name: a.name },
    agencyB: { id: b.id, name: b.name },
    producerA,
    custodian,
    supervisor,
    secretariat,
    leader,
    admin,
    datasetA: dA,
    as: (actor) => ({ db, actor, requestId: null, ip: null, siteUrl: 'http://satudata.test' }),
  };
}
