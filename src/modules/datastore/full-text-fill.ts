/**
 * `_full_text` for a table loaded without it (issue 20: an ingest swaps its table in first, so
 * the data is readable at once, and this fills the column afterwards in the
 * `full_text_backfill` job; tables loaded before issue 11 get it the same way). Until the column
 * is renamed into place, `q` computes the text row by row (datastore-search.repository.ts), so
 * every answer is right before, during and after the fill.
 *
 * The rows are filled by `_id` range, one short statement each: on PGlite (one connection) page
 * requests run between them; on PostgreSQL readers never wait (row versions), and the chunks let
 * a stopped attempt go on where it stopped (rows already filled are skipped).
 */
import type { Kysely } from 'kysely';
import type { DriverKind } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import {
  fillFullTextRows,
  finishFullTextFill,
  indexFullTextFill,
  startFullTextFill,
} from './full-text-fill.repository.js';

export interface FullTextFillOptions {
  signal?: AbortSignal;
  /**
   * Rows per statement. Default 5,000 on PGlite (about 50 ms of the connection each), 50,000 on
   * PostgreSQL.
   */
  chunkRows?: number;
  /** After each statement (the job renews its lease). */
  onChunk?: (progress: { rows_done: number; rows: number }) => Promise<void> | void;
}

/** Fills, indexes and switches on `_full_text` for one version table. False when aborted. */
export async function fillFullText(
  db: Kysely<DB>,
  driver: DriverKind,
  versionId: string,
  schema: TableSchema,
  options: FullTextFillOptions = {},
): Promise<boolean> {
  const step = options.chunkRows ?? (driver === 'pglite' ? 5_000 : 50_000);
  const maxId = await startFullTextFill(db, driver, versionId);
  for (let from = 0; from <= maxId; from += step) {
    if (options.signal?.aborted) return false;
    await fillFullTextRows(db, versionId, schema, from, from + step);
    await options.onChunk?.({ rows_done: Math.min(from + step, maxId), rows: maxId });
    // Let what waits for the connection (a page request on PGlite) run before the next chunk.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (options.signal?.aborted) return false;
  await indexFullTextFill(db, driver, versionId);
  await finishFullTextFill(db, versionId);
  return true;
}
