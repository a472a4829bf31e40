/**
 * The `full_text_backfill` job: tables loaded before `_full_text` existed (issue 11, finding 2)
 * still answer `q` by reading every row, which on PGlite holds its only connection for as long
 * as the scan takes. At start, when any such table exists, one job is queued that gives each its
 * column and GIN index, one table per transaction, so after an upgrade every search is indexed.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../kernel/http/app-deps.js';
import { enqueueJob } from '../../kernel/jobs/job.repository.js';
import { defineJobKind } from '../../kernel/jobs/job-kinds.js';
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
