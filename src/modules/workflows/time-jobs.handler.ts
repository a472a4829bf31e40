import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { startDueCycles } from './cycles.js';
import { sendTaskAlerts } from './task-alerts.js';
import {
  CYCLE_START_JOB,
  CYCLES_EVERY_MS,
  queueNext,
  TASK_ALERTS_EVERY_MS,
  TASK_ALERTS_JOB,
  type TimeJobPayload,
} from './time-jobs.js';

/** Reminders and escalations due now; the next sweep is queued first. */
export const taskAlertsHandler: JobHandler<TimeJobPayload> = {
  async run(payload, ctx) {
    await queueNext(ctx.db, TASK_ALERTS_JOB, payload, TASK_ALERTS_EVERY_MS, ctx.jobId);
    const result = await sendTaskAlerts(ctx.db, new Date(), payload.siteUrl);
    await ctx.heartbeat({ ...result });
  },
  // Each alert commits with its claim: nothing half-done to undo; keep the chain alive.
  async cleanUp(payload, ctx) {
    await queueNext(ctx.db, TASK_ALERTS_JOB, payload, TASK_ALERTS_EVERY_MS, ctx.jobId);
  },
};

/** The runs of recurring cycles due now (and the holiday years ahead); the next run is queued first. */
export const cycleStartHandler: JobHandler<TimeJobPayload> = {
  async run(payload, ctx) {
    await queueNext(ctx.db, CYCLE_START_JOB, payload, CYCLES_EVERY_MS, ctx.jobId);
    const result = await startDueCycles(ctx.db, new Date(), payload.siteUrl);
    await ctx.heartbeat({
      started: result.started.length,
      linked: result.linked,
      holidayYears: result.holidayYears,
    });
  },
  async cleanUp(payload, ctx) {
    await queueNext(ctx.db, CYCLE_START_JOB, payload, CYCLES_EVERY_MS, ctx.jobId);
  },
};
