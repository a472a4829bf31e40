/**
 * The statements of filling `_full_text` into a loaded table (full-text-fill.ts): a plain
 * column added, filled by `_id` range, GIN-indexed, then renamed to `_full_text`.
 */
import { type Kysely, sql } from 'kysely';
import type { DriverKind } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import {
  addFullTextFillColumnSql,
  dropFullTextIndexSql,
  fillFullTextSql,
  finishFullTextFillSql,
  fullTextFillIndexSql,
  fullTextIndexName,
  qualifiedVersionTable,
} from './version-table.js';

/**
 * Adds the column being filled (no rewrite: a new nullable column is only a catalog change) and
 * returns the highest `_id` (through the primary key). On PGlite the GIN index is made now, over
 * an empty column, so each fill statement adds its rows to it and no single statement builds it
 * over the whole table while holding the only connection.
 */
export async function startFullTextFill(
  db: Kysely<DB>,
  driver: DriverKind,
  versionId: string,
): Promise<number> {
  await sql.raw(addFullTextFillColumnSql(versionId)).execute(db);
  if (driver === 'pglite') await sql.raw(fullTextFillIndexSql(versionId, false)).execute(db);
  const r = await sql<{
    n: number | null;
  }>`select max(_id)::float8 as n from ${sql.raw(qualifiedVersionTable(versionId))}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Fills the rows with `from <= _id < to` (one statement, one transaction). */
export async function fillFullTextRows(
  db: Kysely<DB>,
  versionId: string,
  schema: TableSchema,
  from: number,
  to: number,
): Promise<void> {
  await sql.raw(fillFullTextSql(versionId, schema, from, to)).execute(db);
}

/**
 * PostgreSQL: the GIN index built in one pass once the column is full, CONCURRENTLY (outside
 * any transaction; readers and writers go on). An index a stopped attempt left invalid is
 * dropped first. PGlite: made at the start (startFullTextFill).
 */
export async function indexFullTextFill(
  db: Kysely<DB>,
  driver: DriverKind,
  versionId: string,
): Promise<void> {
  if (driver === 'pglite') return;
  const r = await sql<{ valid: boolean }>`
    select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid
      join pg_namespace s on s.oid = c.relnamespace
    where s.nspname = 'datastore' and c.relname = ${fullTextIndexName(versionId)}`.execute(db);
  if (r.rows[0]?.valid) return;
  if (r.rows.length) await sql.raw(dropFullTextIndexSql(versionId)).execute(db);
  await sql.raw(fullTextFillIndexSql(versionId, true)).execute(db);
}

/** The switch: `_full_text` appears, filled and indexed, and `q` uses it from the next search. */
export async function finishFullTextFill(db: Kysely<DB>, versionId: string): Promise<void> {
  await sql.raw(finishFullTextFillSql(versionId)).execute(db);
}

/** Is a job of another kind due (an upload waiting behind a long fill on the one runner)? */
export async function otherJobDue(db: Kysely<DB>, kind: string): Promise<boolean> {
  const r = await sql<{ id: number }>`
    select id from job where state = 'queued' and kind <> ${kind} and run_after <= now() limit 1`.execute(db);
  return r.rows.length > 0;
}
