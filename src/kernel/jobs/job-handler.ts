import type { Kysely } from 'kysely';
import type { DriverKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { FileStore } from '../storage/file-store.js';

/** What a running job may use. */
export interface JobContext {
  db: Kysely<DB>;
  driver: DriverKind;
  files: FileStore;
  jobId: number;
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborted when the runner stops: end soon, leaving nothing half-done. */
  signal: AbortSignal;
  /** Renews the job's lease and records its progress (the runner also renews the lease itself). */
  heartbeat(progress: Record<string, unknown>): Promise<void>;
}

export interface JobHandler<P> {
  run(payload: P, ctx: JobContext): Promise<void>;
  /**
   * Undo what a failed or abandoned attempt left (half-loaded tables) and record the outcome.
   * `final`: no attempt follows, so the failure is what people see.
   */
  cleanUp(payload: P, ctx: JobContext, failure: { final: boolean; message: string }): Promise<void>;
}
