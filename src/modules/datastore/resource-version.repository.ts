/**
 * The `resource_version` rows (one per tabular upload) and the resource's pointer at the version
 * it serves: every statement of the upload → ingest → swap lifecycle.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { ValidationReport } from './domain/validation/validation-report.js';
import { versionTableName } from './version-table.js';

export interface NewVersionRow {
  resourceId: string;
  storageKey: string;
  fileName: string;
  format: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string | null;
}

/** Insert the resource's next version (number = highest + 1), pending. */
export async function insertNextVersion(
  trx: Transaction<DB>,
  upload: NewVersionRow,
): Promise<{ id: string; number: number }> {
  const last = await trx
    .selectFrom('resource_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('resource_id', '=', upload.resourceId)
    .executeTakeFirst();
  return trx
    .insertInto('resource_version')
    .values({
      resource_id: upload.resourceId,
      number: Number(last?.n ?? 0) + 1,
      storage_key: upload.storageKey,
      file_name: upload.fileName,
      format: upload.format.toUpperCase(),
      size_bytes: upload.sizeBytes,
      sha256: upload.sha256,
      created_by: upload.createdBy,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

/** The resource's versions, newest first. */
export async function listResourceVersions(db: Kysely<DB>, resourceId: string, limit = 20) {
  return db
    .selectFrom('resource_version')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
}

export type ResourceVersionRow = Awaited<ReturnType<typeof listResourceVersions>>[number];

/** The newest version of the resource, if any. */
export async function latestResourceVersion(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('resource_version')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every version of these resources, by resource then newest first. */
export async function listVersionsOfResources(db: Kysely<DB>, resourceIds: string[]) {
  return db
    .selectFrom('resource_version')
    .selectAll()
    .where('resource_id', 'in', resourceIds)
    .orderBy('resource_id')
    .orderBy('number', 'desc')
    .execute();
}

/** Which version each of these resources serves. */
export async function listActiveVersionIds(db: Kysely<DB>, resourceIds: string[]) {
  return db
    .selectFrom('resource')
    .select(['id', 'datastore_version_id'])
    .where('id', 'in', resourceIds)
    .execute();
}

export async function findVersion(db: Kysely<DB>, versionId: string) {
  return db.selectFrom('resource_version').selectAll().where('id', '=', versionId).executeTakeFirst();
}

export async function getVersion(db: Kysely<DB>, versionId: string) {
  return db.selectFrom('resource_version').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
}

export async function findVersionState(db: Kysely<DB>, versionId: string) {
  return db.selectFrom('resource_version').select(['state']).where('id', '=', versionId).executeTakeFirst();
}

/** The resource a version loads into: its enforced schema and state. */
export async function getResourceSchema(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('resource')
    .select(['id', 'table_schema', 'state'])
    .where('id', '=', resourceId)
    .executeTakeFirstOrThrow();
}

export async function markVersionRunning(db: Kysely<DB>, versionId: string): Promise<void> {
  await db
    .updateTable('resource_version')
    .set({ state: 'running', started_at: new Date(), rows_done: 0, bytes_done: 0, error: null, report: null })
    .where('id', '=', versionId)
    .execute();
}

export async function writeVersionProgress(
  db: Kysely<DB>,
  versionId: string,
  progress: { rows_done: number; bytes_done: number },
): Promise<void> {
  await db.updateTable('resource_version').set(progress).where('id', '=', versionId).execute();
}

export interface SwappedVersion {
  id: string;
  resource_id: string;
  storage_key: string;
  file_name: string;
  size_bytes: number;
  sha256: string | null;
}

/** The resource serves the version from now on (its file becomes the resource's file). */
export async function pointResourceAtVersion(
  trx: Transaction<DB>,
  version: SwappedVersion,
  firstSchema: TableSchema | null,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('resource')
    .set({
      datastore_version_id: version.id,
      ...(firstSchema ? { table_schema: JSON.stringify(firstSchema) } : {}),
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
}

export async function markVersionComplete(
  trx: Transaction<DB>,
  version: SwappedVersion,
  schema: TableSchema,
  report: ValidationReport,
  now: Date,
): Promise<void> {
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
}

export async function markVersionFailed(
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

/** A first upload's inferred schema waits for the producer (first-upload.ts); nothing loaded. */
export async function markVersionProposed(
  db: Kysely<DB>,
  versionId: string,
  schema: TableSchema,
  report: unknown,
): Promise<void> {
  await db
    .updateTable('resource_version')
    .set({
      state: 'proposed',
      table_schema: JSON.stringify(schema),
      report: JSON.stringify(report),
      error: null,
      table_name: null,
      finished_at: new Date(),
    })
    .where('id', '=', versionId)
    .execute();
}

/** A confirmed proposal: the version is read again, against the now declared schema. */
export async function requeueProposedVersion(trx: Transaction<DB>, versionId: string): Promise<boolean> {
  const row = await trx
    .updateTable('resource_version')
    .set({ state: 'pending', rows_done: 0, bytes_done: 0, report: null, finished_at: null })
    .where('id', '=', versionId)
    .where('state', '=', 'proposed')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** After a failed attempt: error when no attempt follows, else pending again. */
export async function resetVersionAfterFailure(
  db: Kysely<DB>,
  versionId: string,
  finalError: { message: string; message_en: string } | null,
): Promise<void> {
  await db
    .updateTable('resource_version')
    .set(
      finalError
        ? {
            state: 'error',
            error: JSON.stringify(finalError),
            table_name: null,
            finished_at: new Date(),
          }
        : { state: 'pending', rows_done: 0, bytes_done: 0, table_name: null },
    )
    .where('id', '=', versionId)
    .execute();
}

/** Every loaded version back to pending (a rebuild follows); returns their ids. */
export async function markCompleteVersionsPending(trx: Transaction<DB>) {
  return trx
    .updateTable('resource_version')
    .set({ state: 'pending', table_name: null, rows_done: 0, bytes_done: 0 })
    .where('state', '=', 'complete')
    .returning('id')
    .execute();
}
