/**
 * The background jobs of workflow time: `workflow_task_alerts` (reminders and escalations,
 * every few minutes) and `workflow_cycle_start` (recurring cycles and the holiday list, every
 * hour). Each run queues its successor first, so the chain survives a failed run; the work
 * itself is idempotent (task_alert, workflow_cycle), so an extra run sends nothing twice.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../kernel/db/schema.js';
import { enqueueJob, hasPendingJob } from '../../kernel/jobs/job.repository.js';
import { defineJobKind, type JobKindDefinition } from '../../kernel/jobs/job-kinds.js';

export const TimeJobPayload = z.object({
  /** The site's public address, for the links in mails. */
  siteUrl: z.string().max(500).default(''),
});
export type TimeJobPayload = z.infer<typeof TimeJobPayload>;

export const TASK_ALERTS_EVERY_MS = 5 * 60_000;
export const CYCLES_EVERY_MS = 60 * 60_000;

export const TASK_ALERTS_JOB = defineJobKind({
  kind: 'workflow_task_alerts',
  version: 1,
  payload: TimeJobPayload,
  load: async () => (await import('./time-jobs.handler.js')).taskAlertsHandler,
});

export const CYCLE_START_JOB = defineJobKind({
  kind: 'workflow_cycle_start',
  version: 1,
  payload: TimeJobPayload,
  load: async () => (await import('./time-jobs.handler.js')).cycleStartHandler,
});

/** Queue the next run of a periodic job `everyMs` from now, unless one is already waiting. */
export async function queueNext(
  db: Kysely<DB>,
  definition: JobKindDefinition<typeof TimeJobPayload>,
  payload: TimeJobPayload,
  everyMs: number,
  exceptJobId?: number,
): Promise<boolean> {
  if (await hasPendingJob(db, definition.kind, exceptJobId)) return false;
  await enqueueJob(db, definition, payload, { runAfter: new Date(Date.now() + everyMs) });
  return true;
}

/**
 * At server start: make sure both periodic jobs are queued (now, so a restart catches up on
 * what fell due while it was down). Idempotent: a job already waiting or running is kept.
 */
export async function scheduleTimeJobs(db: Kysely<DB>, siteUrl: string): Promise<void> {
  for (const job of [TASK_ALERTS_JOB, CYCLE_START_JOB]) {
    if (!(await hasPendingJob(db, job.kind))) await enqueueJob(db, job, { siteUrl });
  }
}
