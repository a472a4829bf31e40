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
  addFullTextColumnSql,
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

/**
 * Loaded versions whose typed table has no `_full_text` (loaded before issue 11): their `q`
 * reads every row, so full-text-backfill.handler.ts adds the column and its index.
 */
export async function versionsWithoutFullText(
  db: Kysely<DB>,
): Promise<{ versionId: string; schema: TableSchema }[]> {
  const r = await sql<{ id: string; table_schema: TableSchema }>`
    select v.id, v.table_schema from resource_version v
    where v.table_schema is not null
      and exists (select 1 from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = 'datastore' and c.relname = 'v_' || replace(v.id::text, '-', ''))
      and not exists (select 1 from pg_attribute a join pg_class c on c.oid = a.attrelid
        join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = 'datastore' and c.relname = 'v_' || replace(v.id::text, '-', '')
          and a.attname = '_full_text' and not a.attisdropped)
    order by v.created_at`.execute(db);
  return r.rows.map((row) => ({ versionId: row.id, schema: row.table_schema }));
}

/** Add `_full_text` and its GIN index to one version's table, in one transaction. */
export async function addFullText(db: Kysely<DB>, versionId: string, schema: TableSchema): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql.raw(addFullTextColumnSql(versionId, schema)).execute(trx);
    await sql.raw(fullTextIndexSql(versionId)).execute(trx);
  });
}

/** Is a backfill already waiting or running (so a restart does not queue a second one)? */
export async function fullTextBackfillQueued(db: Kysely<DB>, kind: string): Promise<boolean> {
  const row = await db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', kind)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return row !== undefined;
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
