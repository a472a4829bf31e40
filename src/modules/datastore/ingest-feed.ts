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
}

/** The feed loadVersionTable calls with its sink: validate every row, COPY the valid ones. */
export function validatingFeed(input: FeedInput): (sink: CopySink) => Promise<ValidationReport> {
  const { validator, sample, batches, progress, chunkRows } = input;
  return async (sink) => {
    let nextId = 0;
    let lines: string[] = [];
    let chunks = 0;
    const flush = async () => {
      if (lines.length === 0) return;
      const text = lines.join('');
      lines = [];
      await sink.write(text);
      chunks++;
      if (input.failAfterChunks !== undefined && chunks >= input.failAfterChunks)
        throw new Error(`injected failure after ${chunks} COPY chunks`);
    };
    const take = async (batch: readonly TableRow[]) => {
      if (input.signal?.aborted) throw new Error('ingest stopped: the job runner is stopping');
      for (const row of batch) {
        const values = validator.checkRow(row);
        progress.rowsDone++;
        if (values && !validator.hasErrors) {
          lines.push(copyLine(++nextId, values));
          if (lines.length >= chunkRows) await flush();
        }
      }
      await progress.report();
    };
    for (const batch of sample.buffered) await take(batch);
    if (!sample.isDone)
      for (let next = await batches.next(); !next.done; next = await batches.next()) await take(next.value);
    const report = validator.finish();
    if (!report.valid) throw new InvalidUpload(report);
    await flush();
    await sink.finish();
    return report;
  };
}
