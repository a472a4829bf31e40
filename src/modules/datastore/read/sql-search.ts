import type { Kysely } from 'kysely';
import { parse } from 'libpg-query';
import type { Actor } from '../../../kernel/access/policy.js';
import type { DB } from '../../../kernel/db/schema.js';
import { AppError, NotFoundError } from '../../../kernel/errors.js';
import { resolveAliases } from '../datastore-alias.repository.js';
import { ReadTimeoutError, runReadOnlySelect } from '../datastore-read.repository.js';
import { loadReadableTable, type ReadableTable } from './readable-table.js';
import { ROWS_MAX } from './search-query.js';
import { checkSql, refused, rewriteReferences } from './sql-check.js';

/**
 * `SET LOCAL statement_timeout` on PostgreSQL. PGlite accepts the setting but cannot enforce it,
 * which is why DATASTORE_SQL is off there by default.
 */
export const SQL_TIMEOUT_MS = 5_000;
/**
 * The planner's estimated cost above which a query is refused before it runs: PGlite cannot
 * enforce a statement timeout, so a cross join of large tables would hold its only connection.
 * (Sequential scan of one page costs 1; a few million is seconds of work.)
 */
export const SQL_MAX_COST = 5_000_000;

export interface SqlSearchResult {
  sql: string;
  records: Record<string, unknown>[];
  fields: { id: string; type: string }[];
  records_truncated?: true;
}

function typeOf(v: unknown): string {
  if (typeof v === 'number') return 'numeric';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Date) return 'timestamp';
  if (v !== null && typeof v === 'object') return 'json';
  return 'text';
}

/**
 * CKAN `datastore_search_sql`: one checked SELECT over public resources' tables, each named by
 * its resource id and rewritten to a subquery over the current version table with only the
 * columns the caller may read. Runs in a READ ONLY transaction as the reader role (when the
 * database has it) with a statement timeout and a row cap (rows_max); a query naming a withheld
 * column is refused.
 */
export async function runSqlSearch(db: Kysely<DB>, actor: Actor, query: string): Promise<SqlSearchResult> {
  // Quoted names that may be aliases (datastore_create `aliases`); the checker accepts those.
  const quoted = [...query.matchAll(/"([a-z][a-z0-9_-]{0,62})"/g)].map((m) => m[1] as string);
  const aliases = await resolveAliases(db, [...new Set(quoted)].slice(0, 50));
  const checked = await checkSql(query, new Set(aliases.keys()));
  const tables = new Map<string, ReadableTable>();
  for (const id of new Set(checked.references.map((r) => r.resourceId))) {
    try {
      tables.set(id, await loadReadableTable(db, actor, aliases.get(id) ?? id, { publicOnly: true }));
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      throw refused({
        id: `Kueri ditolak: tabel "${id}" tidak ada atau bukan data publik`,
        en: `Query refused: table "${id}" does not exist or is not public data`,
      });
    }
  }
  for (const [id, t] of tables)
    for (const hidden of t.hiddenFields)
      if (checked.columnNames.has(hidden))
        throw refused({
          id: `Kueri ditolak: kolom "${hidden}" tabel "${id}" tidak terbuka untuk Anda`,
          en: `Query refused: column "${hidden}" of table "${id}" is not open to you`,
        });
  const rewritten = rewriteReferences(checked.statement, checked.references, (r) => {
    const t = tables.get(r.resourceId) as ReadableTable;
    const cols = t.columns.map((c) => `"${c.name.replace(/"/g, '""')}"`).join(', ');
    return `(select ${cols} from datastore."${t.tableName}")`;
  });
  const final = `select * from (\n${rewritten}\n) as _datastore_sql limit ${ROWS_MAX + 1}`;
  // The wrapper must still be one SELECT (a trailing comment cannot swallow it: it ends at \n).
  const again = (await parse(final)) as { stmts?: { stmt?: Record<string, unknown> }[] };
  if (again.stmts?.length !== 1 || !again.stmts[0]?.stmt?.SelectStmt)
    throw refused({ id: 'Kueri ditolak', en: 'Query refused' });
  let rows: Record<string, unknown>[];
  try {
    const versionTables = [...tables.values()].map((t) => t.tableName);
    rows = await runReadOnlySelect(db, final, versionTables, SQL_TIMEOUT_MS, (cost) => {
      if (!(cost <= SQL_MAX_COST))
        throw refused({
          id: 'Kueri ditolak: terlalu berat untuk dijalankan (perkecil gabungan atau tambahkan syarat WHERE)',
          en: 'Query refused: too expensive to run (join fewer rows or add WHERE conditions)',
        });
    });
  } catch (err) {
    if (err instanceof ReadTimeoutError)
      throw refused({
        id: `Kueri melebihi batas waktu ${SQL_TIMEOUT_MS / 1000} detik`,
        en: `Query took longer than ${SQL_TIMEOUT_MS / 1000} s`,
      });
    if (err instanceof AppError) throw err;
    const e = err as { message?: string; code?: string };
    const msg = String(e.message ?? 'error').replace(/datastore\."?v_[0-9a-f]{32}"?/g, 'datastore');
    throw refused({ id: `Kueri gagal: ${msg.slice(0, 300)}`, en: `Query failed: ${msg.slice(0, 300)}` });
  }
  const first = rows[0] ?? {};
  const result: SqlSearchResult = {
    sql: query,
    records: rows.slice(0, ROWS_MAX),
    fields: Object.keys(first).map((id) => ({ id, type: typeOf(first[id]) })),
  };
  if (rows.length > ROWS_MAX) result.records_truncated = true;
  return result;
}
