/** What the `ingest` job runs, imported only by a process that runs the queue. */
import type { z } from 'zod';
import type { JobHandler } from '../../kernel/jobs/job-handler.js';
import { cleanUpVersion, ingestVersion } from './ingest.js';
import type { IngestPayload } from './ingest-job.js';

export const ingestJobHandler: JobHandler<z.infer<typeof IngestPayload>> = {
  async run(payload, ctx) {
    await ingestVersion(
      {
        db: ctx.db,
        driver: ctx.driver,
        files: ctx.files,
        signal: ctx.signal,
        onProgress: (progress) => ctx.heartbeat(progress),
      },
      payload.versionId,
      {
        ...(payload.sheet ? { sheet: payload.sheet } : {}),
        ...(payload.rebuild ? { rebuild: true } : {}),
        ...(payload.proposeSchema ? { proposeSchema: true } : {}),
      },
    );
  },
  async cleanUp(payload, ctx, failure) {
    await cleanUpVersion(ctx.db, payload.versionId, failure);
  },
};
