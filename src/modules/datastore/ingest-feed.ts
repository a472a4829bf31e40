/**
 * The validation loop of an ingest: every row is checked against the Table Schema and, while the
 * file has no error, written as COPY text in chunks to the sink; progress is recorded as it goes.
 * A report with errors stops the load (InvalidUpload) so nothing is loaded.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { CopySink } from './copy-sink.js';
import type { CsvRest } from './domain/table-reading/read-csv.js';
import type { TableRow } from './domain/table-reading/table-reading.js';
import { CopyBuffer } from './domain/validation/copy-buffer.js';
import type { TableValidator } from './domain/validation/table-validator.js';
import type { ValidationReport } from './domain/validation/validation-report.js';
import { fastCsvFeed } from './ingest-csv-fast.js';
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
  /** CSV: the rest of the file as text after the sample, for the fast path (ingest-csv-fast.ts). */
  takeRest?: (() => CsvRest | undefined) | undefined;
  progress: IngestProgress;
  chunkRows: number;
  signal?: AbortSignal | undefined;
  /** Test hook: fail as if the process died after this many COPY chunks. */
  failAfterChunks?: number | undefined;
  /** Time per stage, added to when given. */
  stages?: IngestStages | undefined;
}

/**
 * The COPY text of the valid rows, numbered, written as UTF-8 into a buffer and cut into chunks
 * of exactly `chunkRows` rows (the last one shorter): no string per row outlives its row.
 */
export class CopyChunks {
  nextId = 0;
  /** The decimal digits of `nextId + 1` (the next row's `_id`), kept up to date in place. */
  private readonly idDigits = Buffer.from('00000000000000000001', 'latin1');
  private idFrom = this.idDigits.length - 1;
  /** Chunks ready to send. */
  readonly full: Buffer[] = [];
  readonly out: CopyBuffer;
  private pendingRows = 0;

  constructor(private readonly chunkRows: number) {
    this.out = new CopyBuffer(Math.min(8 << 20, Math.max(64 << 10, chunkRows * 96)));
  }

  /** Starts a row with its `_id`; returns where it starts, to rewind to. */
  begin(): number {
    const out = this.out;
    const mark = out.pos;
    const digits = this.idDigits;
    out.ensure(digits.length);
    const buf = out.buf;
    let pos = mark;
    for (let i = this.idFrom; i < digits.length; i++) buf[pos++] = digits[i] as number;
    out.pos = pos;
    return mark;
  }

  /** The row begun last has its fields written. */
  commit(): void {
    this.countId();
    this.out.byte(10);
    if (++this.pendingRows === this.chunkRows) this.cut();
  }

  /** Forget the row begun at `mark`. */
  rewind(mark: number): void {
    this.out.pos = mark;
  }

  addValues(values: readonly (string | null)[]): void {
    this.out.string(copyLine(this.nextId + 1, values));
    this.countId();
    if (++this.pendingRows === this.chunkRows) this.cut();
  }

  /** The rows not in a full chunk yet (at the end of the file). */
  takeRest(): Buffer {
    return this.out.take();
  }

  /** Forget the rows gathered (the upload has errors: nothing more is loaded). */
  discard(): void {
    this.out.pos = 0;
    this.pendingRows = 0;
  }

  /** One more row numbered: `nextId` and its digits move on (no number formatted per row). */
  private countId(): void {
    this.nextId++;
    const digits = this.idDigits;
    let i = digits.length - 1;
    while (digits[i] === 57) digits[i--] = 48;
    digits[i] = (digits[i] as number) + 1;
    if (i < this.idFrom) this.idFrom = i;
  }

  private cut(): void {
    this.full.push(this.out.take());
    this.pendingRows = 0;
  }
}

/** The feed loadVersionTable calls with its sink: validate every row, COPY the valid ones. */
export function validatingFeed(input: FeedInput): (sink: CopySink) => Promise<ValidationReport> {
  const { validator, sample, batches, progress, chunkRows } = input;
  const clock = stageClock(input.stages);
  return async (sink) => {
    let chunks = 0;
    const out = new CopyChunks(chunkRows);
    const send = async () => {
      for (let chunk = out.full.shift(); chunk !== undefined; chunk = out.full.shift()) {
        const t = clock.mark();
        await sink.write(chunk);
        clock.add('copyWait', t);
        chunks++;
        if (input.failAfterChunks !== undefined && chunks >= input.failAfterChunks)
          throw new Error(`injected failure after ${chunks} COPY chunks`);
      }
    };
    const take = async (batch: readonly TableRow[]) => {
      if (input.signal?.aborted) throw new Error('ingest stopped: the job runner is stopping');
      const t = clock.mark();
      for (const row of batch) {
        const values = validator.checkRow(row);
        if (values && !validator.hasErrors) out.addValues(values);
      }
      progress.rowsDone += batch.length;
      if (validator.hasErrors) out.discard();
      clock.add('validate', t);
      await send();
      await progress.report();
    };
    const readAll = async (rest: AsyncIterator<readonly TableRow[]>) => {
      for (;;) {
        const t = clock.mark();
        const next = await rest.next();
        clock.add('read', t);
        if (next.done) break;
        await take(next.value);
      }
    };
    for (const batch of sample.buffered) await take(batch);
    if (!sample.isDone) {
      const rest = input.takeRest?.();
      const fast = rest && rest.newline !== '\r' ? validator.fastRows() : undefined;
      if (rest && fast) {
        const left = await fastCsvFeed({ ...input, rest, fast, out, send, clock });
        if (left) await readAll(left);
      } else await readAll(batches);
    }
    const report = validator.finish();
    if (!report.valid) throw new InvalidUpload(report);
    // The last chunk and the database catching up count as the end of the load, not a stall.
    const t = clock.mark();
    const waited = input.stages ? { ...input.stages.cpu, wall: input.stages.copyWait } : null;
    const last = out.takeRest();
    if (last.length > 0) {
      out.full.push(last);
      await send();
    }
    await sink.finish();
    clock.add('finish', t);
    if (input.stages && waited) {
      input.stages.copyWait = waited.wall;
      input.stages.cpu.copyWait = waited.copyWait;
    }
    return report;
  };
}
