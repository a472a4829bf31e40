/**
 * The validation loop of an ingest: every row is checked against the Table Schema and, while the
 * file has no error, written as COPY text in chunks to the sink; progress is recorded as it goes.
 * A report with errors stops the load (InvalidUpload) so nothing is loaded.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { CopySink } from './copy-sink.js';
import type { TableRow } from './domain/table-reading/table-reading.js';
import type { TableValidator } from './domain/validation/table-validator.js';
import type { ValidationReport } from './domain/validation/validation-report.js';
import type { Sample } from './ingest-reading.js';
import { type IngestStages, stageClock } from './ingest-stages.js';
import { writeVersionProgress } from './resource-version.repository.js';
import { copyLine } from './version-table.js';

/** Thrown inside the load to roll it back when the report has errors. */
export class InvalidUpload extends Error {
  constructor(readonly report: ValidationReport) {
    super('invalid upload');
  }
}

/** Rows and bytes done, written to the version at most every `everyMs` (and told to `onProgress`). */
export class IngestProgress {
  rowsDone = 0;
  bytesDone = 0;
  private last = Date.now();
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly versionId: string,
    private readonly everyMs: number,
    private readonly onProgress?: (progress: {
      rows_done: number;
      bytes_done: number;
    }) => Promise<void> | void,
  ) {}

  async report(): Promise<void> {
    if (Date.now() - this.last < this.everyMs) return;
    this.last = Date.now();
    await this.pending;
    const progress = { rows_done: this.rowsDone, bytes_done: this.bytesDone };
    // Not awaited here: on PGlite it queues behind the chunk being copied; parsing goes on.
    this.pending = Promise.all([
      writeVersionProgress(this.db, this.versionId, progress),
      this.onProgress?.(progress),
    ]);
    this.pending.catch(() => {});
  }

  /** The last progress write, whatever its outcome. */
  async settled(): Promise<void> {
    await this.pending.catch(() => {});
  }
}

export interface FeedInput {
  validator: TableValidator;
  sample: Sample;
  batches: AsyncIterator<readonly TableRow[]>;
  progress: IngestProgress;
  chunkRows: number;
  signal?: AbortSignal | undefined;
  /** Test hook: fail as if the process died after this many COPY chunks. */
  failAfterChunks?: number | undefined;
  /** Time per stage, added to when given. */
  stages?: IngestStages | undefined;
}

/** The feed loadVersionTable calls with its sink: validate every row, COPY the valid ones. */
export function validatingFeed(input: FeedInput): (sink: CopySink) => Promise<ValidationReport> {
  const { validator, sample, batches, progress, chunkRows } = input;
  const clock = stageClock(input.stages);
  return async (sink) => {
    let nextId = 0;
    let chunks = 0;
    const valid: (string | null)[][] = [];
    // Each batch's rows are joined into flat text at once, so only a few strings per chunk
    // outlive the batch (thousands of small line strings held until a chunk is full would
    // survive into the old generation and grow the heap with garbage). Chunks hold exactly
    // `chunkRows` rows but the last.
    let pieces: string[] = [];
    let pendingRows = 0;
    const full: string[] = [];
    const send = async (text: string) => {
      const t = clock.mark();
      await sink.write(text);
      clock.add('copyWait', t);
      chunks++;
      if (input.failAfterChunks !== undefined && chunks >= input.failAfterChunks)
        throw new Error(`injected failure after ${chunks} COPY chunks`);
    };
    const serialize = () => {
      let lines: string[] = [];
      for (const values of valid) {
        lines.push(copyLine(++nextId, values));
        if (++pendingRows === chunkRows) {
          pieces.push(lines.join(''));
          full.push(pieces.length === 1 ? (pieces[0] as string) : pieces.join(''));
          lines = [];
          pieces = [];
          pendingRows = 0;
        }
      }
      if (lines.length > 0) pieces.push(lines.join(''));
      valid.length = 0;
    };
    const take = async (batch: readonly TableRow[]) => {
      if (input.signal?.aborted) throw new Error('ingest stopped: the job runner is stopping');
      const t = clock.mark();
      for (const row of batch) {
        const values = validator.checkRow(row);
        if (values && !validator.hasErrors) valid.push(values);
      }
      progress.rowsDone += batch.length;
      if (validator.hasErrors) valid.length = 0;
      const validated = clock.add('validate', t);
      serialize();
      clock.add('serialize', validated);
      for (let chunk = full.shift(); chunk !== undefined; chunk = full.shift()) await send(chunk);
      await progress.report();
    };
    for (const batch of sample.buffered) await take(batch);
    if (!sample.isDone)
      for (;;) {
        const t = clock.mark();
        const next = await batches.next();
        clock.add('read', t);
        if (next.done) break;
        await take(next.value);
      }
    const report = validator.finish();
    if (!report.valid) throw new InvalidUpload(report);
    // The last chunk and the database catching up count as the end of the load, not a stall.
    const t = clock.mark();
    const waited = input.stages ? { ...input.stages.cpu, wall: input.stages.copyWait } : null;
    if (pieces.length > 0) await send(pieces.join(''));
    pieces = [];
    await sink.finish();
    clock.add('finish', t);
    if (input.stages && waited) {
      input.stages.copyWait = waited.wall;
      input.stages.cpu.copyWait = waited.copyWait;
    }
    return report;
  };
}
