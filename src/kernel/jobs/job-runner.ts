/**
 * Runs queued jobs in this process: claims one at a time, runs its handler, records the
 * outcome, retries with back-off. A running job holds a lease (`job.lease_until`) that the
 * runner renews while the handler works. Jobs whose lease ran out belong to a runner that is
 * gone; every runner recovers them, at start and then periodically (every `recoverEveryMs`):
 * their handler cleans up what they half did, then they are queued again (or failed when no
 * attempt is left). Started by the server; tests and the CLI call `runUntilIdle`.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { DriverKind } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { ingestRows, jobDuration } from '../metrics.js';
import type { FileStore } from '../storage/file-store.js';
import {
  claimAbandonedJobs,
  claimNextJob,
  failJob,
  finishJob,
  type Job,
  renewJobLease,
} from './job.repository.js';
import type { JobContext } from './job-handler.js';
import { jobKind } from './job-kinds.js';

export interface JobRunnerOptions {
  db: Kysely<DB>;
  driver: DriverKind;
  files: FileStore;
  /** How often to look for work when idle (ms). Default 1000. */
  pollMs?: number;
  /** How long a claim holds without renewal (ms); renewed every third of it. Default 60 s. */
  leaseMs?: number;
  /** How often a started runner recovers jobs whose lease ran out (ms). Default 30 s. */
  recoverEveryMs?: number;
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
  private recovery: ReturnType<typeof setInterval> | undefined;
  private recovering: Promise<unknown> | undefined;
  /** The job this runner is running: never recovered from under it. */
  private current: number | undefined;

  constructor(private readonly options: JobRunnerOptions) {}

  private get leaseMs(): number {
    return this.options.leaseMs ?? 60_000;
  }

  /** Recover abandoned jobs, then keep running jobs, and recovering expired leases, until `stop`. */
  async start(): Promise<void> {
    await this.recoverAbandoned({ atStart: true });
    this.running = true;
    this.recovery = setInterval(() => {
      this.recovering ??= this.recoverAbandoned()
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          this.recovering = undefined;
        });
    }, this.options.recoverEveryMs ?? 30_000);
    this.recovery.unref();
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
    clearInterval(this.recovery);
    this.abort.abort();
    this.wake?.();
    await this.loop;
    await this.recovering;
  }

  /** Run jobs until none is ready; returns how many ran. */
  async runUntilIdle(): Promise<number> {
    let count = 0;
    while (await this.runOne()) count++;
    return count;
  }

  /**
   * Jobs a dead runner left running (their lease ran out; on PGlite at start, every running job,
   * as one process owns the data folder): each handler cleans up after it, then the job is
   * queued again, or failed when it has no attempt left. Returns how many were recovered.
   */
  async recoverAbandoned(options: { atStart?: boolean } = {}): Promise<number> {
    const { db, driver } = this.options;
    const abandoned = await claimAbandonedJobs(db, this.runnerId, this.leaseMs, {
      everyRunning: options.atStart === true && driver === 'pglite',
      except: this.current,
    });
    for (const job of abandoned) {
      const message = `interrupted: the process running it stopped (${job.previous_owner ?? 'unknown'})`;
      const final = job.attempts >= job.max_attempts;
      await this.settle(async () => {
        try {
          const definition = jobKind(job.kind);
          if (definition) {
            const handler = await definition.load();
            const payload = definition.payload.parse(job.payload);
            await handler.cleanUp(payload, this.context(job, this.abort.signal), { final, message });
          }
        } finally {
          await failJob(db, job, message, true);
        }
      });
    }
    return abandoned.length;
  }

  /** Claim and run one job; false when none was ready. */
  async runOne(): Promise<boolean> {
    const { db } = this.options;
    const job = await claimNextJob(db, this.runnerId, this.leaseMs);
    if (!job) return false;
    this.current = job.id;
    try {
      return await this.runClaimed(job);
    } finally {
      this.current = undefined;
    }
  }

  private async runClaimed(job: Job): Promise<true> {
    const { db } = this.options;
    const definition = jobKind(job.kind);
    if (!definition) {
      await failJob(db, job, `unknown job kind ${job.kind}`, false);
      return true;
    }
    // The lease is renewed on a timer, whatever the handler is doing (a long COPY, building an
    // index); when it is lost (another runner recovered the job), the handler is told to stop.
    const lost = new AbortController();
    const signal = AbortSignal.any([this.abort.signal, lost.signal]);
    const renewal = setInterval(() => {
      renewJobLease(db, job, this.leaseMs).then(
        (ours) => ours || lost.abort(),
        () => {},
      );
    }, this.leaseMs / 3);
    renewal.unref();
    const timer = jobDuration.startTimer({ kind: job.kind });
    let outcome: 'done' | 'error' = 'error';
    try {
      outcome = await this.runHandler(job, signal);
    } finally {
      clearInterval(renewal);
      timer({ outcome: signal.aborted ? 'stopped' : outcome });
    }
    return true;
  }

  /** Run the handler and record its outcome; 'error' when the attempt failed (retried or not). */
  private async runHandler(job: Job, signal: AbortSignal): Promise<'done' | 'error'> {
    const { db } = this.options;
    const definition = jobKind(job.kind);
    if (!definition) return 'error';
    const ctx = this.context(job, signal);
    let payload: ReturnType<typeof definition.payload.parse>;
    try {
      payload = definition.payload.parse(job.payload);
    } catch (error) {
      await failJob(db, job, `invalid payload: ${describe(error)}`, false);
      return 'error';
    }
    const handler = await definition.load();
    try {
      await handler.run(payload, ctx);
    } catch (error) {
      const message = describe(error);
      const stopped = signal.aborted;
      const final = !stopped && job.attempts >= job.max_attempts;
      // Cleaning up may meet the failure that stopped the job (a lost connection): try again.
      await this.settle(async () => {
        try {
          await handler.cleanUp(payload, ctx, { final, message });
        } finally {
          await failJob(db, job, message, !final);
        }
      });
      return 'error';
    }
    await this.settle(() => finishJob(db, job));
    return 'done';
  }

  /**
   * Record an outcome, trying again after a database error (a connection lost with the job's
   * own). If it still fails, the job keeps its lease until it runs out, then is recovered.
   */
  private async settle(record: () => Promise<void>): Promise<void> {
    for (const pause of [200, 1000, 3000]) {
      try {
        return await record();
      } catch (error) {
        this.options.onError?.(error);
        await new Promise((done) => setTimeout(done, pause));
      }
    }
    await record();
  }

  private context(job: Job, signal: AbortSignal): JobContext {
    const { db, driver, files } = this.options;
    let rowsCounted = 0;
    return {
      db,
      driver,
      files,
      jobId: job.id,
      attempt: job.attempts,
      signal,
      heartbeat: async (progress) => {
        // Ingest handlers report `rows_done`; the metric counts the growth between reports.
        if (typeof progress.rows_done === 'number' && progress.rows_done > rowsCounted) {
          ingestRows.inc(progress.rows_done - rowsCounted);
          rowsCounted = progress.rows_done;
        }
        await renewJobLease(db, job, this.leaseMs, progress);
      },
    };
  }
}
