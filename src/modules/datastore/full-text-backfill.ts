/**
 * The `full_text_backfill` job: tables loaded before `_full_text` existed (issue 11, finding 2)
 * still answer `q` by reading every row, which on PGlite holds its only connection for as long
 * as the scan takes. At start, when any such table exists, one job is queued that gives each its
 * column and GIN index (full-text-fill.ts), so after an upgrade every search is indexed. Since
 * issue 20 an ingest loads its table without `_full_text` and queues this job after its swap.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../kernel/db/schema.js';
import type { AppDeps } from '../../kernel/http/app-deps.js';
import { enqueueJob } from '../../kernel/jobs/job.repository.js';
import { defineJobKind } from '../../kernel/jobs/job-kinds.js';
import { notifyJobRunners } from '../../kernel/jobs/job-runner.js';
import { fullTextBackfillQueued, versionsWithoutFullText } from './version-table.repository.js';

export const FULL_TEXT_BACKFILL_JOB = defineJobKind({
  kind: 'full_text_backfill',
  version: 1,
  payload: z.object({}),
  load: async () => (await import('./full-text-backfill.handler.js')).fullTextBackfillHandler,
});

/** Queue the backfill when an old table lacks `_full_text` and none is queued yet. */
export async function fullTextBackfillStartup(_app: FastifyInstance, { database }: AppDeps): Promise<void> {
  const db = database.db;
  if ((await versionsWithoutFullText(db)).length === 0) return;
  if (await fullTextBackfillQueued(db, FULL_TEXT_BACKFILL_JOB.kind)) return;
  await enqueueJob(db, FULL_TEXT_BACKFILL_JOB, {});
}

/**
 * After an ingest's swap: queue the fill unless one is already waiting (a running one asks for
 * more tables after each, but may be past its last question, so only a queued one counts).
 */
export async function queueFullTextBackfill(db: Kysely<DB>): Promise<void> {
  if (await fullTextBackfillQueued(db, FULL_TEXT_BACKFILL_JOB.kind, false)) return;
  await enqueueJob(db, FULL_TEXT_BACKFILL_JOB, {});
  notifyJobRunners();
}
