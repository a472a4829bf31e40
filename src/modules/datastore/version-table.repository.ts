/**
 * The statements on a version's typed table: create and fill it (COPY), add its key, drop it,
 * and whether it exists. The names and statement texts come from version-table.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { DriverKind } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { type CopySink, pgCopySink, pgliteCopySink } from './copy-sink.js';
import {
  addPrimaryKeySql,
  copyColumns,
  createVersionTableSql,
  fullTextIndexSql,
  qualifiedVersionTable,
  versionTableName,
} from './version-table.js';

export async function dropVersionTable(db: Kysely<DB>, versionId: string): Promise<void> {
  await sql.raw(`drop table if exists ${qualifiedVersionTable(versionId)}`).execute(db);
}

/** Whether a version table has `_full_text` (tables loaded before it existed do not). */
export async function hasFullTextColumn(db: Kysely<DB>, tableName: string): Promise<boolean> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace s on s.oid = c.relnamespace
    where s.nspname = 'datastore' and c.relname = ${tableName} and a.attname = '_full_text'
      and not a.attisdropped`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export async function versionTableExists(db: Kysely<DB>, versionId: string): Promise<boolean> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_schema = 'datastore' and table_name = ${versionTableName(versionId)}`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

/**
 * Create the version table and fill it through `feed`, which writes COPY text to the sink it is
 * given. PostgreSQL: all in one transaction, so a dead process leaves nothing. PGlite: statement
 * by statement (page requests get the single connection between chunks); a failure drops the
 * table, and recovery at start drops what a dead process left.
 */
export async function loadVersionTable<R>(
  db: Kysely<DB>,
  driver: DriverKind,
  versionId: string,
  schema: TableSchema,
  feed: (sink: CopySink) => Promise<R>,
): Promise<R> {
  const copySql = (source: string) =>
    `copy ${qualifiedVersionTable(versionId)} (${copyColumns(schema)}) from ${source}`;
  if (driver === 'postgres') {
    return db.transaction().execute(async (trx) => {
      await sql.raw(createVersionTableSql(versionId, schema)).execute(trx);
      const sink = await pgCopySink(trx, copySql('stdin'));
      let result: R;
      try {
        result = await feed(sink);
      } catch (err) {
        await sink.abort(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
      await sql.raw(addPrimaryKeySql(versionId)).execute(trx);
      await sql.raw(fullTextIndexSql(versionId)).execute(trx);
      return result;
    });
  }
  await sql.raw(createVersionTableSql(versionId, schema)).execute(db);
  const sink = pgliteCopySink(db, copySql(`'/dev/blob'`));
  try {
    // PGlite: the index exists before the load, so each COPY chunk adds its rows to it and no
    // single statement builds it over the whole table (that would hold the only connection).
    await sql.raw(fullTextIndexSql(versionId)).execute(db);
    const result = await feed(sink);
    await sql.raw(addPrimaryKeySql(versionId)).execute(db);
    return result;
  } catch (err) {
    await sink.abort(err instanceof Error ? err : new Error(String(err)));
    await dropVersionTable(db, versionId);
    throw err;
  }
}
