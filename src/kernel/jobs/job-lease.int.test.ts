/**
 * Job leases (issue 11, finding 8): a running job holds a lease its runner renews; a job whose
 * lease ran out is recovered by any started runner within `recoverEveryMs`, not only at start;
 * a live job that outlasts its lease is never taken from its runner; a runner whose job was
 * recovered from under it stops the handler and leaves the job to the recoverer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { fileStoreFor } from '../storage/file-store.js';
import type { JobHandler } from './job-handler.js';
import { defineJobKind, registerJobKind } from './job-kinds.js';
import { JobRunner, type JobRunnerOptions } from './job-runner.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** What the test job kind did, by job id. */
const seen = new Map<number, { runs: number; cleanUps: string[]; aborted: boolean }>();
const record = (id: number) => {
  const r = seen.get(id) ?? { runs: 0, cleanUps: [], aborted: false };
  seen.set(id, r);
  return r;
};

/** Sleeps `ms` (without a heartbeat), stopping when told to. */
const handler: JobHandler<{ ms: number }> = {
  async run(payload, ctx) {
    record(ctx.jobId).runs++;
    for (const end = Date.now() + payload.ms; Date.now() < end; await sleep(10)) {
      if (ctx.signal.aborted) {
        record(ctx.jobId).aborted = true;
        throw new Error('stopped');
      }
    }
  },
  async cleanUp(_payload, ctx, failure) {
    record(ctx.jobId).cleanUps.push(failure.message);
  },
};

const LEASE_TEST = defineJobKind({
  kind: 'lease-test',
  version: 1,
  payload: z.object({ ms: z.number() }),
  load: async () => handler,
});
registerJobKind(LEASE_TEST);

for (const kind of DIALECTS) {
  describe(`job leases on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      seen.clear(); // job ids start again at 1 in each engine's database
      t = await createTestDatabase(kind);
    });
    afterAll(() => t?.drop());

    const runner = (options: Partial<JobRunnerOptions> = {}) =>
      new JobRunner({
        db: t.database.db,
        driver: kind,
        files: fileStoreFor({ dataDir: t.dataDir }),
        ...options,
      });

    const job = (id: number) =>
      t.database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    async function insertJob(ms: number, running?: { lockedBy: string; leaseUntil: Date }) {
      const row = await t.database.db
        .insertInto('job')
        .values({
          kind: LEASE_TEST.kind,
          payload: JSON.stringify({ ms }),
          ...(running
            ? {
                state: 'running',
                attempts: 1,
                locked_by: running.lockedBy,
                locked_at: new Date(Date.now() - 3_600_000),
                lease_until: running.leaseUntil,
              }
            : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }

    async function until(what: () => Promise<boolean>, ms = 10_000) {
      for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (await what()) return;
      throw new Error('timed out');
    }

    it('a started runner recovers a job whose lease ran out after it started, then runs it', async () => {
      const live = runner({ pollMs: 50, recoverEveryMs: 100 });
      await live.start();
      try {
        // A runner on another host claimed it after we started, then died: its lease ran out.
        const id = await insertJob(10, { lockedBy: 'dead-host:1', leaseUntil: new Date(Date.now() - 1000) });
        await until(async () => (await job(id)).state === 'queued' || (await job(id)).state === 'done');
        expect(record(id).cleanUps).toEqual([expect.stringContaining('dead-host:1')]);
        await t.database.db
          .updateTable('job')
          .set({ run_after: new Date(0) })
          .where('id', '=', id)
          .execute();
        await until(async () => (await job(id)).state === 'done');
        expect(await job(id)).toMatchObject({
          state: 'done',
          attempts: 2,
          locked_by: null,
          lease_until: null,
        });
        expect(record(id).runs).toBe(1);
      } finally {
        await live.stop();
      }
    });

    it('a job in its lease is left alone, and one that outlives its lease keeps it while its runner lives', async () => {
      const held = await insertJob(10, {
        lockedBy: 'busy-host:1',
        leaseUntil: new Date(Date.now() + 60_000),
      });
      expect(await runner().recoverAbandoned()).toBe(0);
      await t.database.db.deleteFrom('job').where('id', '=', held).execute();

      const id = await insertJob(1200);
      const worker = runner({ leaseMs: 300 });
      const running = worker.runUntilIdle();
      const other = runner({ leaseMs: 300 });
      for (let i = 0; i < 4; i++) {
        await sleep(250);
        expect(await other.recoverAbandoned()).toBe(0);
        if (i === 0) expect((await job(id)).state).toBe('running');
      }
      await running;
      expect(await job(id)).toMatchObject({ state: 'done', attempts: 1 });
      expect(record(id)).toEqual({ runs: 1, cleanUps: [], aborted: false });
    });

    it('a runner whose job was recovered from under it stops the handler and leaves the job alone', async () => {
      const id = await insertJob(5000);
      const worker = runner({ leaseMs: 150 });
      const running = worker.runUntilIdle();
      await until(async () => (await job(id)).state === 'running');
      // Another runner took it over (as after a network partition outlasting the lease).
      await t.database.db.updateTable('job').set({ locked_by: 'recoverer:1' }).where('id', '=', id).execute();
      await running;
      expect(record(id).aborted).toBe(true);
      expect(await job(id)).toMatchObject({ state: 'running', locked_by: 'recoverer:1' });
    });
  });
}
