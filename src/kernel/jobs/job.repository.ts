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
  options: { maxAttempts?: number } = {},
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Take the oldest ready job, marking it running for `runnerId`. */
export async function claimNextJob(db: Kysely<DB>, runnerId: string): Promise<Job | undefined> {
  const result = await sql<Job>`
    update job set state = 'running', attempts = attempts + 1, locked_by = ${runnerId},
      locked_at = now(), error = null
    where id = (
      select id from job where state = 'queued' and run_after <= now()
      order by id limit 1 for update skip locked
    )
    returning *`.execute(db);
  return result.rows[0];
}

/** Still alive: refresh the lock and record progress. */
export async function heartbeatJob(db: Kysely<DB>, id: number, progress: Record<string, unknown>) {
  await db
    .updateTable('job')
    .set({ locked_at: new Date(), progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export async function finishJob(db: Kysely<DB>, id: number): Promise<void> {
  await db
    .updateTable('job')
    .set({ state: 'done', finished_at: new Date(), locked_by: null, locked_at: null })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: queued again after a back-off while attempts remain, else failed. */
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
            run_after: new Date(Date.now() + 2 ** job.attempts * 1000),
          }
        : { state: 'failed', error, finished_at: new Date(), locked_by: null, locked_at: null },
    )
    .where('id', '=', job.id)
    .execute();
}

/**
 * Jobs left `running` by a process that is gone: on PGlite every running job (one process owns
 * the data folder); on PostgreSQL those whose lock was not refreshed for `staleMs`.
 */
export async function findAbandonedJobs(db: Kysely<DB>, staleMs: number): Promise<Job[]> {
  return db
    .selectFrom('job')
    .selectAll()
    .where('state', '=', 'running')
    .where((eb) =>
      eb.or([eb('locked_at', 'is', null), eb('locked_at', '<=', new Date(Date.now() - staleMs))]),
    )
    .orderBy('id')
    .execute();
}
