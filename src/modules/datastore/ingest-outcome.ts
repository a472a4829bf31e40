/**
 * The end of an ingest: a valid load is swapped in (one transaction with its audit row), a
 * refused or unreadable one is recorded on the version; the previous version keeps serving.
 */
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { mutate } from '../../kernel/actions/context.js';
import type { DB } from '../../kernel/db/schema.js';
import { AppError, type Bilingual } from '../../kernel/errors.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import type { ValidationReport } from './domain/validation/validation-report.js';
import { type IngestProgress, InvalidUpload } from './ingest-feed.js';
import {
  markVersionComplete,
  markVersionFailed,
  pointResourceAtVersion,
  type SwappedVersion,
} from './resource-version.repository.js';

export type IngestOutcome =
  | { state: 'complete'; rowCount: number; report: ValidationReport }
  | { state: 'error'; report: ValidationReport | null; error: Bilingual | null }
  | { state: 'proposed'; rowCount: number }
  | { state: 'skipped' };

/** One transaction: the resource points at the new version, the version is complete, audited. */
export async function swapIn(
  db: Kysely<DB>,
  version: SwappedVersion & { number: number },
  schema: TableSchema,
  isFirstSchema: boolean,
  report: ValidationReport,
  isRebuild: boolean,
): Promise<void> {
  const ctx = { db, actor: SYSTEM_ACTOR, requestId: null, ip: null };
  await mutate(ctx, async (trx, audit) => {
    const now = new Date();
    if (!isRebuild) await pointResourceAtVersion(trx, version, isFirstSchema ? schema : null, now);
    await markVersionComplete(trx, version, schema, report, now);
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

/**
 * A failed attempt: an invalid file or one the readers refused is recorded on the version and
 * returned as its outcome; anything else (database errors, an abort) is rethrown for a retry.
 */
export async function recordFailure(
  db: Kysely<DB>,
  versionId: string,
  err: unknown,
  progress: IngestProgress,
): Promise<IngestOutcome> {
  await progress.settled();
  const counts = { rowsDone: progress.rowsDone, bytesDone: progress.bytesDone };
  if (err instanceof InvalidUpload) {
    await markVersionFailed(db, versionId, { report: err.report, ...counts });
    return { state: 'error', report: err.report, error: null };
  }
  if (err instanceof AppError) {
    await markVersionFailed(db, versionId, {
      error: { message: err.text.id, message_en: err.text.en },
      ...counts,
    });
    return { state: 'error', report: null, error: err.text };
  }
  throw err;
}
