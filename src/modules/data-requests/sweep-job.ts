import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../kernel/db/schema.js';
import { enqueueJob, hasPendingJob } from '../../kernel/jobs/job.repository.js';
import { defineJobKind } from '../../kernel/jobs/job-kinds.js';

/**
 * The service's periodic job `data_request_sweep`: reminders and escalations on the legal
 * clocks (legal-alerts.ts) and the retention purge of personal data (retention.ts). Each run
 * queues its successor first, so the chain survives a failed run; the work itself is
 * idempotent (data_request_alert; a purged request is not purged again).
 */
export const SweepPayload = z.object({
  /** The site's public address, for the links in mails. */
  siteUrl: z.string().max(500).default(''),
});
export type SweepPayload = z.infer<typeof SweepPayload>;

export const SWEEP_EVERY_MS = 15 * 60_000;

export const DATA_REQUEST_SWEEP_JOB = defineJobKind({
  kind: 'data_request_sweep',
  version: 1,
  payload: SweepPayload,
  load: async () => (await import('./sweep-job.handler.js')).sweepHandler,
});

/** Queue the next run `everyMs` from now, unless one is already waiting. */
export async function queueNextSweep(
  db: Kysely<DB>,
  payload: SweepPayload,
  exceptJobId?: number,
): Promise<boolean> {
  if (await hasPendingJob(db, DATA_REQUEST_SWEEP_JOB.kind, exceptJobId)) return false;
  await enqueueJob(db, DATA_REQUEST_SWEEP_JOB, payload, { runAfter: new Date(Date.now() + SWEEP_EVERY_MS) });
  return true;
}

/**
 * At server start: make sure the sweep is queued (now, so a restart catches up on what fell due
 * while it was down). Idempotent: a sweep already waiting or running is kept.
 */
export async function scheduleDataRequestSweep(db: Kysely<DB>, siteUrl: string): Promise<void> {
  if (!(await hasPendingJob(db, DATA_REQUEST_SWEEP_JOB.kind)))
    await enqueueJob(db, DATA_REQUEST_SWEEP_JOB, { siteUrl });
}
