/**
 * The background job queue (ADR 0003): a `job` table in the same database. A job is enqueued in
 * the transaction of the change that causes it, so it exists if and only if that change
 * committed. Runners claim jobs with `FOR UPDATE SKIP LOCKED` (PGlite: one in-process runner).
 */

import type { Selectable } from 'kysely';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { JobTable } from '../db/schema/datastore.js';
import type { DB } from '../db/schema.js';
import { type JobKindDefinition, registerJobKind } from './job-kinds.js';

export type Job = Selectable<JobTable>;

/** Queue a job inside the caller's transaction; returns its id. */
export async function enqueueJob<S extends z.ZodType>(
  trx: Transaction<DB> | Kysely<DB>,
  definition: JobKindDefinition<S>,
  payload: z.infer<S>,
  options: { maxAttempts?: number; runAfter?: Date } = {},
): Promise<number> {
  // The kind that enqueues is the kind that runs: registering here keeps a process that only
  // enqueues (a CLI import) and one that runs the queue in agreement.
  registerJobKind(definition as unknown as JobKindDefinition);
  const kind = definition.kind;
  const parsed = definition.payload.parse(payload);
  const row = await trx
    .insertInto('job')
    .values({
      kind,
      kind_version: definition.version,
      payload: JSON.stringify(parsed),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
      // A scheduled job (a periodic sweep) waits until then; runners take it when it is due.
      ...(options.runAfter ? { run_after: options.runAfter } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Is a job of `kind` waiting (queued) or running, other than `exceptId`? Periodic jobs keep one queued. */
export async function hasPendingJob(db: Kysely<DB>, kind: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', kind)
    .where('state', 'in', ['queued', 'running']);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** A lease of `ms` milliseconds from the database's clock (every runner reads the same one). */
const leaseFromNow = (ms: number) => sql<Date>`now() + ${ms} * interval '1 millisecond'`;

/**
 * Take the oldest ready job, marking it running for `runnerId` with a lease of `leaseMs`. The
 * previous attempt's error stays on the row until the job ends, so a job that succeeded on a
 * retry still tells an operator (and a test) why the first attempt did not.
 */
export async function claimNextJob(
  db: Kysely<DB>,
  runnerId: string,
  leaseMs: number,
): Promise<Job | undefined> {
  const result = await sql<Job>`
    update job set state = 'running', attempts = attempts + 1, locked_by = ${runnerId},
      locked_at = now(), lease_until = ${leaseFromNow(leaseMs)}
    where id = (
      select id from job where state = 'queued' and run_after <= now()
      order by id limit 1 for update skip locked
    )
    returning *`.execute(db);
  return result.rows[0];
}

/**
 * Still alive: extend the lease of a job `runnerId` holds (and record progress when given).
 * False when the job is no longer ours: finished, or recovered by another runner after the
 * lease ran out.
 */
export async function renewJobLease(
  db: Kysely<DB>,
  job: Pick<Job, 'id' | 'locked_by'>,
  leaseMs: number,
  progress?: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({ lease_until: leaseFromNow(leaseMs), ...(progress ? { progress: JSON.stringify(progress) } : {}) })
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', job.locked_by)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The job succeeded; a job no longer ours (recovered by another runner) is left alone. */
export async function finishJob(db: Kysely<DB>, job: Pick<Job, 'id' | 'locked_by'>): Promise<void> {
  await db
    .updateTable('job')
    .set({ state: 'done', finished_at: new Date(), locked_by: null, locked_at: null, lease_until: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .execute();
}

/**
 * A failed attempt: queued again after a back-off while attempts remain, else failed. A job no
 * longer ours (recovered by another runner after our lease ran out) is left to that runner.
 */
export async function failJob(db: Kysely<DB>, job: Job, error: string, retry: boolean): Promise<void> {
  const again = retry && job.attempts < job.max_attempts;
  await db
    .updateTable('job')
    .set(
      again
        ? {
            state: 'queued',
            error,
            locked_by: null,
            locked_at: null,
            lease_until: null,
            run_after: new Date(Date.now() + 2 ** job.attempts * 1000),
          }
        : {
            state: 'failed',
            error,
            finished_at: new Date(),
            locked_by: null,
            locked_at: null,
            lease_until: null,
          },
    )
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .execute();
}

/** A running job taken over for recovery, with the runner that had it. */
export type AbandonedJob = Job & { previous_owner: string | null };

/**
 * Take over the jobs left `running` by a runner that is gone, for `runnerId` to clean up: those
 * whose lease ran out, or every running one when `everyRunning` (PGlite at start: one process
 * owns the data folder). `except`: the job this runner is running itself. Taken with SKIP LOCKED
 * and a fresh lease, so two runners never recover the same job.
 */
export async function claimAbandonedJobs(
  db: Kysely<DB>,
  runnerId: string,
  leaseMs: number,
  options: { everyRunning: boolean; except?: number | undefined },
): Promise<AbandonedJob[]> {
  const expired = options.everyRunning ? sql`true` : sql`(lease_until is null or lease_until < now())`;
  const result = await sql<AbandonedJob>`
    with gone as (
      select id, locked_by from job
      where state = 'running' and ${expired} and id <> ${options.except ?? -1}
      order by id for update skip locked
    )
    update job set locked_by = ${runnerId}, lease_until = ${leaseFromNow(leaseMs)}
    from gone where job.id = gone.id
    returning job.*, gone.locked_by as previous_owner`.execute(db);
  return result.rows.sort((a, b) => a.id - b.id);
}

/** Jobs per state (queued, running, …), for the metrics endpoint. */
export async function jobCountsByState(db: Kysely<DB>): Promise<{ state: string; count: number }[]> {
  const rows = await db
    .selectFrom('job')
    .select(['state', db.fn.countAll<string>().as('count')])
    .groupBy('state')
    .execute();
  return rows.map((r) => ({ state: String(r.state), count: Number(r.count) }));
}
