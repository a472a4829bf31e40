/** The `ingest` job: load one uploaded resource version (see ingest.ts). */
import { z } from 'zod';
import { defineJobKind } from '../../kernel/jobs/job-kinds.js';

export const IngestPayload = z.object({
  /** The resource_version to read, validate and load. */
  versionId: z.string().uuid(),
  /** XLSX: the sheet to read (name or 1-based position); default the first with a table. */
  sheet: z.string().max(200).optional(),
  /**
   * Rebuild the table of a version that was already loaded (after a restore: backups hold no
   * datastore tables). The resource's pointer is left as it is.
   */
  rebuild: z.boolean().optional(),
  /**
   * A first upload to a resource without a declared schema stops after reading: the inferred
   * schema is proposed to the producer (first-upload.ts) and nothing loads until confirmed.
   */
  proposeSchema: z.boolean().optional(),
});

export const INGEST_JOB = defineJobKind({
  kind: 'ingest',
  version: 1,
  payload: IngestPayload,
  load: async () => (await import('./ingest-job.handler.js')).ingestJobHandler,
});
