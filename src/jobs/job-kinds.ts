/**
 * Every kind of background job: a version, a zod payload and a lazily imported handler, so a
 * process that never runs a kind never loads its code (ADR 0003).
 */
import { z } from 'zod';
import type { JobHandler } from './job-handler.js';

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
});

export const JOB_KINDS = {
  ingest: {
    version: 1,
    payload: IngestPayload,
    load: async (): Promise<JobHandler<z.infer<typeof IngestPayload>>> =>
      (await import('../datastore/ingest-job.js')).ingestJobHandler,
  },
} as const;

export type JobKind = keyof typeof JOB_KINDS;
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_KINDS)[K]['payload']>;

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_KINDS, kind);
}
