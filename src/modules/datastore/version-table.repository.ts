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
 * Loaded versions whose typed table has no `_full_text` (loaded before issue 11, or ingested and
 * swapped in since, issue 20): their `q` reads every row until full-text-backfill.handler.ts
 * fills the column and its index. Newest first, so a fresh upload is searched through its index
 * soon; a table still loading (its version not complete) is left alone.
 */
export async function versionsWithoutFullText(
  db: Kysely<DB>,
): Promise<{ versionId: string; schema: TableSchema }[]> {
  const r = await sql<{ id: string; table_schema: TableSchema }>`
    select v.id, v.table_schema from resource_version v
    where v.table_schema is not null and v.state = 'complete'
      and exists (select 1 from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = 'datastore' and c.relname = 'v_' || replace(v.id::text, '-', ''))
      and not exists (select 1 from pg_attribute a join pg_class c on c.oid = a.attrelid
        join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = 'datastore' and c.relname = 'v_' || replace(v.id::text, '-', '')
          and a.attname = '_full_text' and not a.attisdropped)
    order by v.created_at desc`.execute(db);
  return r.rows.map((row) => ({ versionId: row.id, schema: row.table_schema }));
}

/**
 * Is a backfill already waiting (or, with `orRunning`, running), so a restart or an upload does
 * not queue a second one?
 */
export async function fullTextBackfillQueued(
  db: Kysely<DB>,
  kind: string,
  orRunning = true,
): Promise<boolean> {
  const row = await db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', kind)
    .where('state', 'in', orRunning ? ['queued', 'running'] : ['queued'])
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
 * given, without `_full_text` (filled after the swap: full-text-fill.ts). PostgreSQL: all in one transaction, so a dead process leaves nothing. PGlite: statement
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
      await sql.raw(createVersionTableSql(versionId, schema, { fullText: false })).execute(trx);
      const sink = await pgCopySink(trx, copySql('stdin'));
      let result: R;
      try {
        result = await feed(sink);
      } catch (err) {
        await sink.abort(err instanceof Error ? err : new Error(String(err)));
        throw err;
      }
      await sql.raw(addPrimaryKeySql(versionId)).execute(trx);
      return result;
    });
  }
  await sql.raw(createVersionTableSql(versionId, schema, { fullText: false })).execute(db);
  const sink = pgliteCopySink(db, copySql(`'/dev/blob'`));
  try {
    const result = await feed(sink);
    await sql.raw(addPrimaryKeySql(versionId)).execute(db);
    return result;
  } catch (err) {
    await sink.abort(err instanceof Error ? err : new Error(String(err)));
    await dropVersionTable(db, versionId);
    throw err;
  }
}
