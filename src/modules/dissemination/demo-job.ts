import { z } from 'zod';
import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { defineJobKind } from '../../kernel/jobs/job-kinds.js';

export const DemoPayloadSchema = z.object({
  userId: z.string().uuid(),
  round: z.number().int().min(0).default(0),
});
export type DemoPayload = z.infer<typeof DemoPayloadSchema>;

/**
 * `dissemination_demo`: the demo region's saved charts, its data book and infographics (published
 * through the dissemination SOP, one left in review), made once the demo tables they show are loaded (the ingest runs in the background after the seed). Until then
 * the job queues itself again a little later.
 */
export const DISSEMINATION_DEMO_JOB = defineJobKind({
  kind: 'dissemination_demo',
  version: 1,
  payload: DemoPayloadSchema,
  load: async (): Promise<JobHandler<DemoPayload>> =>
    (await import('./demo-seed.js')).disseminationDemoHandler,
});
