/**
 * The ingest of one resource version (issue #4 items 4, 6, 7): read the stored file with the
 * streamed readers, validate every row against the resource's Table Schema (inferred on the
 * first upload), COPY the valid rows into a new typed version table, and swap it in with one
 * UPDATE in one transaction with its audit row. Any error — a file that cannot be read, a row
 * that fails validation, a failure or an abort mid-load — drops the new table and records the
 * outcome on the version; the previous version keeps serving.
 */
import { pipeline, Transform } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { mutate } from '../../kernel/actions/context.js';
import type { DriverKind } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.js';
import { AppError, type Bilingual } from '../../kernel/errors.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { type CopySink, pgCopySink, pgliteCopySink } from './copy-sink.js';
import { closePersonalIdentifiers } from './domain/pii-schema.js';
import { readCsv } from './domain/table-reading/read-csv.js';
import { readXlsx } from './domain/table-reading/read-xlsx.js';
import type { TableReading, TableRow } from './domain/table-reading/table-reading.js';
import { refineInferredSchema } from './domain/validation/refine-inferred-schema.js';
import {
  createTableValidator,
  inferTableSchema,
  loadReferenceLookup,
} from './domain/validation/table-validator.js';
import type { ValidationReport } from './domain/validation/validation-report.js';
import {
  addPrimaryKeySql,
  copyColumns,
  copyLine,
  createVersionTableSql,
  dropVersionTable,
  qualifiedVersionTable,
  versionTableName,
} from './version-table.js';

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
   * PostgreSQL, where chunks are writes to one COPY stream.
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
}

export type IngestOutcome =
  | { state: 'complete'; rowCount: number; report: ValidationReport }
  | { state: 'error'; report: ValidationReport | null; error: Bilingual | null }
  | { state: 'skipped' };

/** What people read when a load stopped half-way (process stopped, database error). */
export function interruptedError(reason: string): { message: string; message_en: string } {
  // No server paths in what people read.
  const detail = reason.replace(/(\/[\w.-]+){2,}/g, '…').slice(0, 200);
  return {
    message: `Pemuatan data terhenti sebelum selesai; versi sebelumnya tetap dipakai. Unggah ulang berkasnya. (${detail})`,
    message_en: `Loading stopped before it finished; the previous version is still in use. Upload the file again. (${detail})`,
  };
}

/** Thrown inside the load to roll it back when the report has errors. */
class InvalidUpload extends Error {
  constructor(readonly report: ValidationReport) {
    super('invalid upload');
  }
}

const TABULAR = new Set(['CSV', 'TSV', 'TXT', 'XLSX', 'XLS']);

/** Formats whose uploads go into the datastore. */
export function isTabularFormat(format: string): boolean {
  return TABULAR.has(format.trim().toUpperCase());
}

async function openReading(
  files: FileStore,
  key: string,
  fileName: string,
  format: string,
  sheet: string | undefined,
  counted: (bytes: number) => void,
): Promise<TableReading<unknown>> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      counted(chunk.length);
      done(null, chunk);
    },
  });
  pipeline(files.open(key), counter, () => {});
  const isExcel = /^XLSX?$/i.test(format);
  if (isExcel) {
    const position = sheet && /^\d+$/.test(sheet) ? Number(sheet) : sheet;
    return readXlsx(counter, { fileName, ...(position !== undefined ? { sheet: position } : {}) });
  }
  return readCsv(counter, { fileName });
}

/** Pulls batches until `n` rows are buffered (or the file ends). */
async function takeSample(
  batches: AsyncIterator<readonly TableRow[]>,
  n: number,
): Promise<{ buffered: (readonly TableRow[])[]; rows: TableRow[]; isDone: boolean }> {
  const buffered: (readonly TableRow[])[] = [];
  const rows: TableRow[] = [];
  while (rows.length < n) {
    const next = await batches.next();
    if (next.done) return { buffered, rows, isDone: true };
    buffered.push(next.value);
    for (const r of next.value) if (rows.length < n) rows.push(r);
  }
  return { buffered, rows, isDone: false };
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
  const version = await db
    .selectFrom('resource_version')
    .selectAll()
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!version || version.state === 'complete' || version.state === 'error') return { state: 'skipped' };
  const resource = await db
    .selectFrom('resource')
    .select(['id', 'table_schema', 'state'])
    .where('id', '=', version.resource_id)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('resource_version')
    .set({ state: 'running', started_at: new Date(), rows_done: 0, bytes_done: 0, error: null, report: null })
    .where('id', '=', versionId)
    .execute();

  let bytesDone = 0;
  let rowsDone = 0;
  let lastProgress = Date.now();
  let progressWrite: Promise<unknown> = Promise.resolve();
  const progressMs = options.progressMs ?? 500;
  const reportProgress = async (force = false) => {
    if (!force && Date.now() - lastProgress < progressMs) return;
    lastProgress = Date.now();
    await progressWrite;
    const progress = { rows_done: rowsDone, bytes_done: bytesDone };
    // Not awaited here: on PGlite it queues behind the chunk being copied; parsing goes on.
    progressWrite = Promise.all([
      db.updateTable('resource_version').set(progress).where('id', '=', versionId).execute(),
      deps.onProgress?.(progress),
    ]);
    progressWrite.catch(() => {});
  };

  let reading: TableReading<unknown> | undefined;
  try {
    reading = await openReading(
      deps.files,
      version.storage_key,
      version.file_name,
      version.format,
      options.sheet,
      (n) => {
        bytesDone += n;
      },
    );
    const batches = reading.batches[Symbol.asyncIterator]();
    const sample = await takeSample(batches, options.sampleRows ?? 1000);
    const styleOption = reading.numberStyle ? { numberStyle: reading.numberStyle } : {};
    let schema: TableSchema | null = (options.rebuild ? version.table_schema : null) ?? resource.table_schema;
    if (!schema) {
      schema = closePersonalIdentifiers(
        inferTableSchema(reading.columns, sample.rows, styleOption),
        sample.rows,
      ).schema;
      // First upload: the guess came from the first rows; check it against the whole file
      // (a second read), so the producer's first upload is not refused for a rule nobody wrote.
      if (!sample.isDone) {
        const whole = await openReading(
          deps.files,
          version.storage_key,
          version.file_name,
          version.format,
          options.sheet,
          () => {},
        );
        try {
          schema = await refineInferredSchema(schema, whole.rows, styleOption);
        } finally {
          whole.close();
        }
      }
    }
    const lookup = await loadReferenceLookup(db, schema);
    const validator = createTableValidator(schema, lookup, styleOption);
    validator.checkHeader(reading.columns);

    const chunkRows = options.chunkRows ?? (deps.driver === 'pglite' ? 10_000 : 5_000);
    const feed = async (sink: CopySink): Promise<ValidationReport> => {
      let nextId = 0;
      let lines: string[] = [];
      let chunks = 0;
      const flush = async () => {
        if (lines.length === 0) return;
        const text = lines.join('');
        lines = [];
        await sink.write(text);
        chunks++;
        if (options.failAfterChunks !== undefined && chunks >= options.failAfterChunks)
          throw new Error(`injected failure after ${chunks} COPY chunks`);
      };
      const take = async (batch: readonly TableRow[]) => {
        if (deps.signal?.aborted) throw new Error('ingest stopped: the job runner is stopping');
        for (const row of batch) {
          const values = validator.checkRow(row);
          rowsDone++;
          if (values && !validator.hasErrors) {
            lines.push(copyLine(++nextId, values));
            if (lines.length >= chunkRows) await flush();
          }
        }
        await reportProgress();
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

    const report = await loadInto(deps, versionId, schema, feed);
    try {
      await swapIn(deps, version, schema, resource.table_schema === null, report, options.rebuild === true);
    } catch (err) {
      await dropVersionTable(db, versionId);
      throw err;
    }
    return { state: 'complete', rowCount: report.row_count, report };
  } catch (err) {
    reading?.close();
    await progressWrite.catch(() => {});
    if (err instanceof InvalidUpload) {
      await recordError(db, versionId, { report: err.report, rowsDone, bytesDone });
      return { state: 'error', report: err.report, error: null };
    }
    if (err instanceof AppError) {
      await recordError(db, versionId, {
        error: { message: err.text.id, message_en: err.text.en },
        rowsDone,
        bytesDone,
      });
      return { state: 'error', report: null, error: err.text };
    }
    throw err;
  }
}

/**
 * Create the version table and fill it through `feed`. PostgreSQL: all in one transaction, so a
 * dead process leaves nothing. PGlite: statement by statement (page requests get the single
 * connection between chunks); a failure drops the table, and recovery at start drops what a
 * dead process left.
 */
async function loadInto(
  deps: IngestDeps,
  versionId: string,
  schema: TableSchema,
  feed: (sink: CopySink) => Promise<ValidationReport>,
): Promise<ValidationReport> {
  const { db } = deps;
  const copySql = (source: string) =>
    `copy ${qualifiedVersionTable(versionId)} (${copyColumns(schema)}) from ${source}`;
  if (deps.driver === 'postgres') {
    return db.transaction().execute(async (trx) => {
      await sql.raw(createVersionTableSql(versionId, schema)).execute(trx);
      const sink = await pgCopySink(trx, copySql('stdin'));
      let report: ValidationReport;
      try {
        report = await feed(sink);
      } catch (err) {
        await sink.abort(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
      await sql.raw(addPrimaryKeySql(versionId)).execute(trx);
      return report;
    });
  }
  await sql.raw(createVersionTableSql(versionId, schema)).execute(db);
  const sink = pgliteCopySink(db, copySql(`'/dev/blob'`));
  try {
    const report = await feed(sink);
    await sql.raw(addPrimaryKeySql(versionId)).execute(db);
    return report;
  } catch (err) {
    await sink.abort(err instanceof Error ? err : new Error(String(err)));
    await dropVersionTable(db, versionId);
    throw err;
  }
}

type VersionRow = {
  id: string;
  resource_id: string;
  number: number;
  storage_key: string;
  file_name: string;
  size_bytes: number;
  sha256: string | null;
};

/** One transaction: the resource points at the new version, the version is complete, audited. */
async function swapIn(
  deps: IngestDeps,
  version: VersionRow,
  schema: TableSchema,
  isFirstSchema: boolean,
  report: ValidationReport,
  isRebuild: boolean,
): Promise<void> {
  const ctx = { db: deps.db, actor: SYSTEM_ACTOR, requestId: null, ip: null };
  await mutate(ctx, async (trx, audit) => {
    const now = new Date();
    if (!isRebuild)
      await trx
        .updateTable('resource')
        .set({
          datastore_version_id: version.id,
          ...(isFirstSchema ? { table_schema: JSON.stringify(schema) } : {}),
          storage_key: version.storage_key,
          url: version.file_name,
          url_type: 'upload',
          size: version.size_bytes,
          hash: version.sha256,
          last_modified: now,
          metadata_modified: now,
        })
        .where('id', '=', version.resource_id)
        .execute();
    await trx
      .updateTable('resource_version')
      .set({
        state: 'complete',
        table_schema: JSON.stringify(schema),
        table_name: versionTableName(version.id),
        row_count: report.row_count,
        rows_done: report.row_count,
        bytes_done: version.size_bytes,
        report: JSON.stringify(report),
        error: null,
        finished_at: now,
      })
      .where('id', '=', version.id)
      .execute();
    await audit({
      action: isRebuild ? 'resource_ingest_rebuild' : 'resource_ingest',
      subjectType: 'resource',
      subjectId: version.resource_id,
      summary: {
        version: version.number,
        version_id: version.id,
        rows: report.row_count,
        warnings: report.warning_count,
        hash: version.sha256,
      },
    });
  });
}

async function recordError(
  db: Kysely<DB>,
  versionId: string,
  outcome: {
    report?: ValidationReport;
    error?: { message: string; message_en: string };
    rowsDone: number;
    bytesDone: number;
  },
): Promise<void> {
  await db
    .updateTable('resource_version')
    .set({
      state: 'error',
      report: outcome.report ? JSON.stringify(outcome.report) : null,
      error: outcome.error ? JSON.stringify(outcome.error) : null,
      rows_done: outcome.rowsDone,
      bytes_done: outcome.bytesDone,
      table_name: null,
      finished_at: new Date(),
    })
    .where('id', '=', versionId)
    .execute();
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
  const version = await db
    .selectFrom('resource_version')
    .select(['state'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!version || version.state === 'complete') return;
  await dropVersionTable(db, versionId);
  await db
    .updateTable('resource_version')
    .set(
      failure.final
        ? {
            state: 'error',
            error: JSON.stringify(interruptedError(failure.message)),
            table_name: null,
            finished_at: new Date(),
          }
        : { state: 'pending', rows_done: 0, bytes_done: 0, table_name: null },
    )
    .where('id', '=', versionId)
    .execute();
}
