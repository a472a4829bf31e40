/**
 * Runs queued jobs in this process: claims one at a time, runs its handler, records the
 * outcome, retries with back-off. On start it first recovers jobs a dead process left running:
 * their handler cleans up what they half did, then they are queued again (or failed when no
 * attempt is left). Started by the server; tests and the CLI call `runUntilIdle`.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { DriverKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { FileStore } from '../storage/file-store.js';
import {
  claimNextJob,
  failJob,
  findAbandonedJobs,
  finishJob,
  heartbeatJob,
  type Job,
} from './job.repository.js';
import type { JobContext } from './job-handler.js';
import { jobKind } from './job-kinds.js';

export interface JobRunnerOptions {
  db: Kysely<DB>;
  driver: DriverKind;
  files: FileStore;
  /** How often to look for work when idle (ms). Default 1000. */
  pollMs?: number;
  /** PostgreSQL: a running job whose lock is older than this is abandoned (ms). Default 120 s. */
  staleMs?: number;
  /** Told about failures the runner itself could not record (database gone). */
  onError?: (error: unknown) => void;
}

const listeners = new Set<() => void>();

/** Wake this process's runners now (after committing a transaction that enqueued a job). */
export function notifyJobRunners(): void {
  for (const wake of listeners) wake();
}

/** A job failure's text, for the job row. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class JobRunner {
  readonly runnerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly abort = new AbortController();

  constructor(private readonly options: JobRunnerOptions) {}

  /** Recover abandoned jobs, then keep running jobs until `stop`. */
  async start(): Promise<void> {
    await this.recoverAbandoned();
    this.running = true;
    const wake = () => this.wake?.();
    listeners.add(wake);
    this.loop = (async () => {
      while (this.running) {
        try {
          if (await this.runOne()) continue;
        } catch (error) {
          this.options.onError?.(error);
        }
        if (!this.running) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
      listeners.delete(wake);
    })();
  }

  /** Stop after aborting the current job (its handler cleans up; the job is queued again). */
  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.wake?.();
    await this.loop;
  }

  /** Run jobs until none is ready; returns how many ran. */
  async runUntilIdle(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  /**
   * Jobs a dead process left running: each handler cleans up after it, then the job is queued
   * again, or failed when it has no attempt left. Returns how many were recovered.
   */
  async recoverAbandoned(): Promise<number> {
    const { db, driver } = this.options;
    const abandoned = await findAbandonedJobs(
      db,
      driver === 'pglite' ? 0 : (this.options.staleMs ?? 120_000),
    );
    for (const job of abandoned) {
      const message = `interrupted: the process running it stopped (${job.locked_by ?? 'unknown'})`;
      const final = job.attempts >= job.max_attempts;
      try {
        const definition = jobKind(job.kind);
        if (definition) {
          const handler = await definition.load();
          const payload = definition.payload.parse(job.payload);
          await handler.cleanUp(payload, this.context(job), { final, message });
        }
      } finally {
        await failJob(db, job, message, true);
      }
    }
    return abandoned.length;
  }

  /** Claim and run one job; false when none was ready. */
  async runOne(): Promise<boolean> {
    const { db } = this.options;
    const job = await claimNextJob(db, this.runnerId);
    if (!job) return false;
    const definition = jobKind(job.kind);
    if (!definition) {
      await failJob(db, job, `unknown job kind ${job.kind}`, false);
      return true;
    }
    const ctx = this.context(job);
    let payload: ReturnType<typeof definition.payload.parse>;
    try {
      payload = definition.payload.parse(job.payload);
    } catch (error) {
      await failJob(db, job, `invalid payload: ${describe(error)}`, false);
      return true;
    }
    const handler = await definition.load();
    try {
      await handler.run(payload, ctx);
      await finishJob(db, job.id);
    } catch (error) {
      const message = describe(error);
      const stopped = this.abort.signal.aborted;
      const final = !stopped && job.attempts >= job.max_attempts;
      try {
        await handler.cleanUp(payload, ctx, { final, message });
      } finally {
        await failJob(db, job, message, !final);
      }
    }
    return true;
  }

  private context(job: Job): JobContext {
    const { db, driver, files } = this.options;
    return {
      db,
      driver,
      files,
      jobId: job.id,
      attempt: job.attempts,
      signal: this.abort.signal,
      heartbeat: (progress) => heartbeatJob(db, job.id, progress),
    };
  }
}
