/**
 * Reads of loaded version tables that are not a search: which version a reader gets, which
 * resources of a dataset have a table, row counts, export batches, the read-only transaction with
 * a statement timeout every search runs in, and the reader role `datastore_search_sql` runs as.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { ValidationError } from '../../kernel/errors.js';

/** A resource's version by number, or the one it serves (`activeId`). */
export async function findLoadableVersion(
  db: Kysely<DB>,
  resourceId: string,
  pick: { number: number } | { id: string },
) {
  let q = db
    .selectFrom('resource_version')
    .select(['id', 'number', 'table_name', 'table_schema', 'row_count', 'state'])
    // Its place among the uploads that loaded: "(versi 2)" when two loaded, however many failed.
    .select(
      sql<string>`(select count(*) from resource_version v where v.resource_id = resource_version.resource_id
        and v.state = 'complete' and v.number <= resource_version.number)`.as('loaded_ordinal'),
    )
    .where('resource_id', '=', resourceId);
  if ('number' in pick) q = q.where('number', '=', pick.number);
  else q = q.where('id', '=', pick.id);
  return q.executeTakeFirst();
}

/** The newest version loaded (or being loaded) from the stored file `storageKey` of a resource. */
export async function findVersionOfFile(db: Kysely<DB>, resourceId: string, storageKey: string) {
  return db
    .selectFrom('resource_version')
    .select(['id', 'number', 'format', 'table_schema', 'state'])
    .where('resource_id', '=', resourceId)
    .where('storage_key', '=', storageKey)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Resources of a dataset that have a loaded table (for the page and datapackage.json). */
export async function listLoadedResources(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('resource')
    .innerJoin('resource_version', 'resource_version.id', 'resource.datastore_version_id')
    .select([
      'resource.id as id',
      'resource_version.number as number',
      'resource_version.row_count as row_count',
    ])
    .where('resource.dataset_id', '=', datasetId)
    .where('resource.state', '=', 'active')
    .where('resource_version.state', '=', 'complete')
    .orderBy('resource.position')
    .execute();
}

/** Rows in a version table (`tableName` is a checked `v_…` name). */
export async function countTableRows(db: Kysely<DB>, tableName: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int8 as n from ${sql.id('datastore', tableName)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The next `batchRows` rows after `_id` = `after`, by `_id` (keyset paging; no cursor on PGlite). */
export async function readRowsAfter(
  db: Kysely<DB>,
  tableName: string,
  columns: string[],
  after: number,
  batchRows: number,
): Promise<Record<string, unknown>[]> {
  const select = sql.join([sql.id('_id'), ...columns.map((c) => sql.id(c))]);
  const { rows } = await sql<Record<string, unknown>>`select ${select} from ${sql.id('datastore', tableName)}
      where _id > ${after} order by _id limit ${batchRows}`.execute(db);
  return rows;
}

/** Statement timeout of every datastore read on PostgreSQL (PGlite accepts it but cannot stop a query). */
export const READ_TIMEOUT_MS = 10_000;

/** SQLSTATE of a statement cancelled by its timeout. */
const QUERY_CANCELED = '57014';

/** A read stopped by its statement timeout (PostgreSQL). */
export class ReadTimeoutError extends ValidationError {
  constructor(readonly timeoutMs: number) {
    const text = {
      id: `Pencarian melebihi batas waktu ${timeoutMs / 1000} detik; persempit dengan filters atau q`,
      en: `The search took longer than ${timeoutMs / 1000} s; narrow it with filters or q`,
    };
    super({ query: [text] }, text);
  }
}

/**
 * Run datastore reads in one READ ONLY transaction with `SET LOCAL statement_timeout`, so no
 * read holds a PostgreSQL connection longer than `timeoutMs` (ReadTimeoutError when it would).
 */
export async function withReadTimeout<T>(
  db: Kysely<DB>,
  read: (trx: Transaction<DB>) => Promise<T>,
  timeoutMs = READ_TIMEOUT_MS,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await sql`set local statement_timeout = ${sql.lit(timeoutMs)}`.execute(trx);
      return read(trx);
    });
  } catch (err) {
    if ((err as { code?: string }).code === QUERY_CANCELED) throw new ReadTimeoutError(timeoutMs);
    throw err;
  }
}

/**
 * The role `datastore_search_sql` runs as: it may read the `datastore` schema and nothing else,
 * so even a query the checker wrongly let through cannot reach the platform's own tables.
 */
export const SQL_READER_ROLE = 'satudata_datastore_reader';

/**
 * Create the reader role if it is missing and the database user may create roles, and grant it
 * read access to the datastore tables (those loaded later too). Returns why it is not usable,
 * or null when queries can run as it. Several processes may start at once: a role created by
 * another one in between is fine.
 */
export async function ensureSqlReaderRole(db: Kysely<DB>): Promise<string | null> {
  const role = sql.id(SQL_READER_ROLE);
  try {
    const exists = await sql<{ n: number }>`
      select count(*)::int as n from pg_roles where rolname = ${SQL_READER_ROLE}`.execute(db);
    if (!exists.rows[0]?.n) {
      try {
        await sql`create role ${role} nologin`.execute(db);
      } catch (err) {
        // 23505/42710: created by another process meanwhile.
        if (!['23505', '42710'].includes(String((err as { code?: string }).code))) throw err;
      }
    }
    await sql`grant ${role} to current_user`.execute(db);
    await sql`grant usage on schema datastore to ${role}`.execute(db);
    await sql`grant select on all tables in schema datastore to ${role}`.execute(db);
    await sql`alter default privileges in schema datastore grant select on tables to ${role}`.execute(db);
    return null;
  } catch (err) {
    return String((err as Error).message ?? err).slice(0, 200);
  }
}

/** Switch the transaction to the reader role when this user may and the role can read `tables`. */
async function becomeSqlReader(trx: Transaction<DB>, tables: string[]): Promise<boolean> {
  const unreadable = tables.length
    ? sql`exists (select 1 from (values ${sql.join(tables.map((t) => sql`(${t}::text)`))}) as t(name)
        where not has_table_privilege(r.oid, 'datastore.' || quote_ident(t.name), 'SELECT'))`
    : sql`false`;
  const { rows } = await sql<{ ok: boolean }>`
    select pg_has_role(current_user, r.oid, 'MEMBER') and not ${unreadable} as ok
    from pg_roles r where r.rolname = ${SQL_READER_ROLE}`.execute(trx);
  if (!rows[0]?.ok) return false;
  await sql`set local role ${sql.id(SQL_READER_ROLE)}`.execute(trx);
  return true;
}

/**
 * Run an already checked SELECT in a READ ONLY transaction with a statement timeout, as the
 * reader role when it exists (`tables` are the version tables the query reads), after its
 * planner estimate passed `checkCost` (which throws to refuse it).
 */
export async function runReadOnlySelect(
  db: Kysely<DB>,
  query: string,
  tables: string[],
  timeoutMs: number,
  checkCost: (cost: number) => void,
): Promise<Record<string, unknown>[]> {
  return withReadTimeout(
    db,
    async (trx) => {
      await becomeSqlReader(trx, tables);
      const plan = (await sql.raw<Record<string, unknown>>(`explain (format json) ${query}`).execute(trx))
        .rows[0];
      const raw = plan ? Object.values(plan)[0] : undefined;
      const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
        Plan?: { 'Total Cost'?: number };
      }[];
      checkCost(Number(parsed?.[0]?.Plan?.['Total Cost'] ?? 0));
      return (await sql.raw<Record<string, unknown>>(query).execute(trx)).rows;
    },
    timeoutMs,
  );
}
