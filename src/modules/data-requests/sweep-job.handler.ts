import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { serviceNow } from './clock.js';
import { sendLegalAlerts } from './legal-alerts.js';
import { purgeExpiredPersonal } from './retention.js';
import { queueNextSweep, type SweepPayload } from './sweep-job.js';

/** Alerts due now, then the retention purge; the next sweep is queued first. */
export const sweepHandler: JobHandler<SweepPayload> = {
  async run(payload, ctx) {
    await queueNextSweep(ctx.db, payload, ctx.jobId);
    const now = serviceNow();
    const alerts = await sendLegalAlerts(ctx.db, now, payload.siteUrl);
    const purged = await purgeExpiredPersonal(ctx.db, now);
    await ctx.heartbeat({ ...alerts, purged });
  },
  // Each alert commits with its claim and the purge in one transaction: nothing to undo; keep the chain.
  async cleanUp(payload, ctx) {
    await queueNextSweep(ctx.db, payload, ctx.jobId);
  },
};
