/**
 * The SQL of `datastore_search` and of the dataset page's preview and chart over a version table.
 * Identifiers come from the Table Schema only (the caller resolved them to readable columns);
 * every request value is a bound parameter cast to the column's type.
 */
import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { withReadTimeout } from './datastore-read.repository.js';
import { PG_TYPES, type ReadableColumn, type ReadableTable } from './read/readable-table.js';
import {
  checkedValue,
  columnNamed,
  invalid,
  ROWS_MAX,
  type SearchParams,
  type SortKey,
  textOf,
} from './read/search-params.js';
import { hasFullTextColumn } from './version-table.repository.js';

const col = (c: ReadableColumn) => sql.id(c.name);

const bound = (c: ReadableColumn, v: unknown, key: string) =>
  sql`cast(${checkedValue(c, v, key)} as ${sql.raw(PG_TYPES[c.type])})`;

const RANGE_OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '=', ne: '<>' } as const;

/** `filters`: {"col": value}, {"col": [v1, v2]}, {"col": null} or {"col": {"lt": 2020}}. */
export function filterConditions(
  table: ReadableTable,
  filters: Record<string, unknown>,
): RawBuilder<unknown>[] {
  return Object.entries(filters).map(([name, value]) => {
    const c = columnNamed(table, name, 'filters');
    if (value === null) return sql`${col(c)} is null`;
    if (Array.isArray(value)) {
      if (value.length === 0) return sql`false`;
      return sql`${col(c)} in (${sql.join(value.map((v) => bound(c, v, 'filters')))})`;
    }
    if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) throw invalid('filters', { id: 'Filter kosong', en: 'Empty filter' });
      return sql.join(
        entries.map(([op, v]) => {
          const sqlOp = RANGE_OPS[op as keyof typeof RANGE_OPS];
          if (!sqlOp || !Object.hasOwn(RANGE_OPS, op))
            throw invalid('filters', {
              id: `Operator filter "${op}" tidak dikenal (lt, lte, gt, gte, eq, ne)`,
              en: `Unknown filter operator "${op}" (lt, lte, gt, gte, eq, ne)`,
            });
          return sql`${col(c)} ${sql.raw(sqlOp)} ${bound(c, v, 'filters')}`;
        }),
        sql` and `,
      );
    }
    return sql`${col(c)} = ${bound(c, value, 'filters')}`;
  });
}

/** A LIKE pattern matching `text` anywhere: its own `%`, `_` and `\\` are escaped, so they match themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * `contains` (the data grid's forgiving filter): the column's value as text contains the given
 * text, ignoring case. The text is a bound parameter (never SQL) and the column a readable
 * schema field; an empty text keeps every row.
 */
function containsConditions(table: ReadableTable, contains: Record<string, string>): RawBuilder<unknown>[] {
  return Object.entries(contains)
    .filter(([, text]) => text !== '')
    .map(([name, text]) => {
      const c = columnNamed(table, name, 'filters');
      return sql`${col(c)}::text ilike ${containsPattern(text)} escape '\\'`;
    });
}

/**
 * `q`: full text over the whole row (string) or per field (dict), with `plain` and `language`.
 * With `indexed` (the table has `_full_text`, see version-table.ts) every condition goes through
 * its GIN index: a whole-row search is `_full_text @@ query` (as CKAN: the index is built in
 * Indonesian and `language` reads the query); a per-field search, or a whole-row search of a
 * caller who may not read every column, is checked again on the readable text after the index
 * narrowed the rows. Tables loaded before `_full_text` existed compute the text row by row.
 */
function qConditions(table: ReadableTable, p: SearchParams, indexed: boolean): RawBuilder<unknown>[] {
  if (p.q === undefined || p.q === '') return [];
  const lang = sql.lit(p.language);
  const query = (text: string) =>
    p.plain
      ? sql`plainto_tsquery(${lang}::regconfig, ${text})`
      : sql`to_tsquery(${lang}::regconfig, ${text})`;
  const fields = table.columns.filter((c) => c.type !== 'id');
  if (typeof p.q === 'string' || typeof p.q === 'number') {
    const q = query(textOf(p.q, 'q'));
    if (fields.length === 0) return [sql`false`];
    const row = sql`to_tsvector(${lang}::regconfig, concat_ws(' ', ${sql.join(fields.map((c) => sql`${col(c)}::text`))}))`;
    if (!indexed) return [sql`${row} @@ ${q}`];
    const everyField = fields.length === table.schema.fields.length;
    return everyField ? [sql`_full_text @@ ${q}`] : [sql`_full_text @@ ${q}`, sql`${row} @@ ${q}`];
  }
  return Object.entries(p.q).map(([name, v]) => {
    const c = columnNamed(table, name, 'q');
    const q = query(textOf(v, 'q'));
    const field = sql`to_tsvector(${lang}::regconfig, coalesce(${col(c)}::text, '')) @@ ${q}`;
    return indexed ? sql`_full_text @@ ${q} and ${field}` : field;
  });
}

const tableRef = (t: ReadableTable) => sql.id('datastore', t.tableName);

type WhereParams = Pick<SearchParams, 'filters' | 'contains' | 'q' | 'plain' | 'language'>;

/** The WHERE clause of a search (filters and q), for the preview and the chart too. */
function whereClause(table: ReadableTable, p: WhereParams, indexed: boolean) {
  const conds = [
    ...filterConditions(table, p.filters ?? {}),
    ...containsConditions(table, p.contains ?? {}),
    ...qConditions(table, { ...p } as SearchParams, indexed),
  ];
  return conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
}

/** Does `q` search this table through `_full_text` (absent from tables loaded before it)? */
async function searchesIndex(db: Kysely<DB>, table: ReadableTable, p: WhereParams): Promise<boolean> {
  return p.q !== undefined && p.q !== '' && hasFullTextColumn(db, table.tableName);
}

/** The ORDER BY terms: the sort keys, else every selected column (distinct) or `_id`. */
function orderTerms(cols: ReadableColumn[], sortKeys: SortKey[], distinct: boolean) {
  return sortKeys.length
    ? sortKeys.map(
        (k) =>
          sql`${col(k.column)} ${sql.raw(k.desc ? 'desc' : 'asc')}${sql.raw(k.nulls ? ` nulls ${k.nulls}` : '')}`,
      )
    : distinct
      ? cols.map((c) => sql`${col(c)}`)
      : [sql`${sql.id('_id')}`];
}

/** A datastore_search ready to run: the rows of one page, then the total when asked for. */
export interface PreparedSearch {
  run(db: Kysely<DB>): Promise<{ rows: Record<string, unknown>[]; total: number | undefined }>;
  /** The records query `run` sends on this table (to EXPLAIN it). */
  recordsQuery(db: Kysely<DB>): Promise<CompiledQuery>;
}

/**
 * Build the records and total queries of a search. Building checks the request's filters and q
 * against the table (ValidationError); running may fail only on a caller's to_tsquery syntax or
 * on the read timeout (PostgreSQL).
 */
export function prepareSearch(
  table: ReadableTable,
  p: SearchParams,
  cols: ReadableColumn[],
  sortKeys: SortKey[],
): PreparedSearch {
  const order = orderTerms(cols, sortKeys, p.distinct);
  const select = sql.join(cols.map(col));
  const limit = Math.min(p.limit, ROWS_MAX);
  const queries = (indexed: boolean) => {
    const where = whereClause(table, p, indexed);
    const recordsQ = sql<Record<string, unknown>>`select ${sql.raw(p.distinct ? 'distinct ' : '')}${select}
      from ${tableRef(table)} ${where} order by ${sql.join(order)} limit ${limit} offset ${p.offset}`;
    const totalQ = p.distinct
      ? sql<{
          n: number;
        }>`select count(*)::int8 as n from (select distinct ${select} from ${tableRef(table)} ${where}) d`
      : sql<{ n: number }>`select count(*)::int8 as n from ${tableRef(table)} ${where}`;
    return { recordsQ, totalQ };
  };
  const both = { true: queries(true), false: queries(false) };
  const chosen = async (db: Kysely<DB>) =>
    both[String(await searchesIndex(db, table, p)) as 'true' | 'false'];
  return {
    recordsQuery: async (db) => (await chosen(db)).recordsQ.compile(db),
    async run(db) {
      const { recordsQ, totalQ } = await chosen(db);
      return withReadTimeout(db, async (trx) => {
        const rows = (await recordsQ.execute(trx)).rows;
        const total = p.include_total ? Number((await totalQ.execute(trx)).rows[0]?.n ?? 0) : undefined;
        return { rows, total };
      });
    },
  };
}

/** A chart's data: `value` summed per `axis` category, over the rows the reader's filter keeps. */
export async function sumByCategory(
  db: Kysely<DB>,
  t: ReadableTable,
  axis: ReadableColumn,
  value: ReadableColumn,
  where: WhereParams,
  maxCategories: number,
) {
  const filter = whereClause(t, where, await searchesIndex(db, t, where));
  return withReadTimeout(db, async (trx) => {
    const { rows } = await sql<{
      k: unknown;
      v: unknown;
    }>`select ${sql.id(axis.name)} as k, sum(${sql.id(value.name)}) as v
      from ${sql.id('datastore', t.tableName)} ${filter}
      group by 1 order by 1 nulls last limit ${maxCategories + 1}`.execute(trx);
    return rows;
  });
}
