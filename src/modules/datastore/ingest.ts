/**
 * The ingest of one resource version (issue #4 items 4, 6, 7): read the stored file with the
 * streamed readers (ingest-reading.ts), validate every row against the resource's Table Schema,
 * inferred on the first upload (ingest-feed.ts), COPY the valid rows into a new typed version
 * table (version-table.repository.ts), and swap it in with one UPDATE in one transaction with its
 * audit row (ingest-outcome.ts). Its `_full_text` is filled after the swap by a job
 * (full-text-fill.ts). Any error — a file that cannot be read, a row that fails
 * validation, a failure or an abort mid-load — drops the new table and records the outcome on
 * the version; the previous version keeps serving.
 */
import type { Kysely } from 'kysely';
import type { DriverKind } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { createTableValidator } from './domain/validation/table-validator.js';
import { inheritedSchemaOf } from './extensions.js';
import { holdForConfirmation, proposeSchema } from './first-upload.js';
import { queueFullTextBackfill } from './full-text-backfill.js';
import { IngestProgress, validatingFeed } from './ingest-feed.js';
import { type IngestOutcome, recordFailure, swapIn } from './ingest-outcome.js';
import { openReading, schemaForUpload, takeSample } from './ingest-reading.js';
import { type IngestStages, stageClock } from './ingest-stages.js';
import { loadReferenceLookup } from './reference-codes.repository.js';
import {
  findVersion,
  findVersionState,
  getResourceSchema,
  markVersionRunning,
  resetVersionAfterFailure,
} from './resource-version.repository.js';
import { dropVersionTable, loadVersionTable } from './version-table.repository.js';

export type { IngestOutcome } from './ingest-outcome.js';
export { isTabularFormat } from './ingest-reading.js';
export { emptyStages, type IngestStages } from './ingest-stages.js';

export interface IngestDeps {
  db: Kysely<DB>;
  driver: DriverKind;
  files: FileStore;
  /** Aborting stops the load; the new table is dropped and the error rethrown. */
  signal?: AbortSignal;
  /** Called with the progress as it is recorded (the job runner keeps its lock fresh). */
  onProgress?: (progress: { rows_done: number; bytes_done: number }) => Promise<void> | void;
}

export interface IngestOptions {
  /** XLSX: sheet name or 1-based position. */
  sheet?: string;
  /**
   * Rows per COPY chunk. Default: 10,000 on PGlite, where each chunk is one statement holding the
   * single connection (about a quarter of a second, so page requests wait no longer); 5,000 on
   * PostgreSQL (about 400 KB), where chunks are writes to one COPY stream, two kept queued ahead:
   * what is queued when the last row is read is what the load still waits for at its end.
   */
  chunkRows?: number;
  /** Rows read to infer a schema on the first upload. Default 1,000. */
  sampleRows?: number;
  /** How often rows_done/bytes_done are written (ms). Default 500. */
  progressMs?: number;
  /** Rebuild an already loaded version's table (after a restore) without moving the pointer. */
  rebuild?: boolean;
  /** Test hook: fail as if the process died after this many COPY chunks. */
  failAfterChunks?: number;
  /** Without a declared schema: propose the inferred one and load nothing (first-upload.ts). */
  proposeSchema?: boolean;
  /** Filled with the time spent per stage (the benchmark reads it). */
  stages?: IngestStages;
}

/** What people read when a load stopped half-way (process stopped, database error). */
export function interruptedError(reason: string): { message: string; message_en: string } {
  // No server paths in what people read.
  const detail = reason.replace(/(\/[\w.-]+){2,}/g, '…').slice(0, 200);
  return {
    message: `Pemuatan data terhenti sebelum selesai; versi sebelumnya tetap dipakai. Unggah ulang berkasnya. (${detail})`,
    message_en: `Loading stopped before it finished; the previous version is still in use. Upload the file again. (${detail})`,
  };
}

/**
 * Ingest one version. Returns its outcome; throws only for failures worth retrying (database
 * errors, an abort), after dropping what it created.
 */
export async function ingestVersion(
  deps: IngestDeps,
  versionId: string,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const { db } = deps;
  const version = await findVersion(db, versionId);
  if (!version || !['pending', 'running'].includes(version.state)) return { state: 'skipped' };
  const resource = await getResourceSchema(db, version.resource_id);
  await markVersionRunning(db, versionId);
  const progress = new IngestProgress(db, versionId, options.progressMs ?? 500, deps.onProgress);
  let reading: Awaited<ReturnType<typeof openReading>> | undefined;
  const stages = options.stages;
  const clock = stageClock(stages);
  let mark = clock.mark();
  /** Adds the time since the last mark to a stage. */
  const lap = (stage: 'read' | 'schema' | 'finish' | 'swap') => {
    mark = clock.add(stage, mark);
  };
  try {
    reading = await openReading(deps.files, version, options.sheet, (n) => {
      progress.bytesDone += n;
    });
    const batches = reading.batches[Symbol.asyncIterator]();
    const sample = await takeSample(batches, options.sampleRows ?? 1000);
    lap('read');
    const styleOption = reading.numberStyle ? { numberStyle: reading.numberStyle } : {};
    // No schema of its own: the one declared by what it fulfils (its data standard) is enforced
    // on this first upload, and becomes the resource's when the upload loads (swapIn).
    const known =
      (options.rebuild ? version.table_schema : null) ??
      resource.table_schema ??
      (options.rebuild ? null : ((await inheritedSchemaOf(db, resource.id))?.schema ?? null));
    if (!known && options.proposeSchema) {
      const proposal = await proposeSchema(deps.files, version, options.sheet, reading, sample, styleOption);
      reading.close();
      await holdForConfirmation(db, versionId, proposal, options.sheet);
      return { state: 'proposed', rowCount: proposal.rowCount };
    }
    const schema = await schemaForUpload(
      deps.files,
      version,
      options.sheet,
      known,
      reading,
      sample,
      styleOption,
    );
    lap('schema');
    const lookup = await loadReferenceLookup(db, schema);
    const validator = createTableValidator(schema, lookup, styleOption);
    validator.checkHeader(reading.columns);
    const feed = validatingFeed({
      validator,
      sample,
      batches,
      takeRest: reading.takeRest,
      progress,
      chunkRows: options.chunkRows ?? (deps.driver === 'pglite' ? 10_000 : 5_000),
      signal: deps.signal,
      failAfterChunks: options.failAfterChunks,
      stages,
    });
    const report = await loadVersionTable(db, deps.driver, versionId, schema, async (sink) => {
      const done = await feed(sink);
      mark = clock.mark();
      return done;
    });
    lap('finish');
    try {
      await swapIn(db, version, schema, resource.table_schema === null, report, options.rebuild === true);
      lap('swap');
    } catch (err) {
      await dropVersionTable(db, versionId);
      throw err;
    }
    // Served already; `q` reads row by row until the job has filled `_full_text` (a failure
    // here is made good by the check at the next start).
    await queueFullTextBackfill(db).catch(() => {});
    return { state: 'complete', rowCount: report.row_count, report };
  } catch (err) {
    reading?.close();
    return recordFailure(db, versionId, err, progress);
  }
}

/**
 * After a failed or abandoned attempt: drop the half-loaded table and put the version back to
 * pending for the next attempt, or to error when none follows. A version already complete
 * (swapped in) is left alone.
 */
export async function cleanUpVersion(
  db: Kysely<DB>,
  versionId: string,
  failure: { final: boolean; message: string },
): Promise<void> {
  const version = await findVersionState(db, versionId);
  if (!version || version.state === 'complete' || version.state === 'proposed') return;
  await dropVersionTable(db, versionId);
  await resetVersionAfterFailure(db, versionId, failure.final ? interruptedError(failure.message) : null);
}
