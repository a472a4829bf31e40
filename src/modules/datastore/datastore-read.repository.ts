/**
 * Reads of loaded version tables that are not a search: which version a reader gets, which
 * resources of a dataset have a table, row counts, export batches, and the read-only transaction
 * `datastore_search_sql` runs its checked query in.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** A resource's version by number, or the one it serves (`activeId`). */
export async function findLoadableVersion(
  db: Kysely<DB>,
  resourceId: string,
  pick: { number: number } | { id: string },
) {
  let q = db
    .selectFrom('resource_version')
    .select(['id', 'number', 'table_name', 'table_schema', 'row_count', 'state'])
    .where('resource_id', '=', resourceId);
  if ('number' in pick) q = q.where('number', '=', pick.number);
  else q = q.where('id', '=', pick.id);
  return q.executeTakeFirst();
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

/**
 * Run an already checked SELECT in a READ ONLY transaction with a statement timeout, after its
 * planner estimate passed `checkCost` (which throws to refuse it).
 */
export async function runReadOnlySelect(
  db: Kysely<DB>,
  query: string,
  timeoutMs: number,
  checkCost: (cost: number) => void,
): Promise<Record<string, unknown>[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    await sql`set local statement_timeout = ${sql.lit(timeoutMs)}`.execute(trx);
    const plan = (await sql.raw<Record<string, unknown>>(`explain (format json) ${query}`).execute(trx))
      .rows[0];
    const raw = plan ? Object.values(plan)[0] : undefined;
    const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      Plan?: { 'Total Cost'?: number };
    }[];
    checkCost(Number(parsed?.[0]?.Plan?.['Total Cost'] ?? 0));
    return (await sql.raw<Record<string, unknown>>(query).execute(trx)).rows;
  });
}
