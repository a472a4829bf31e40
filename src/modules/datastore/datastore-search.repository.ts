/**
 * The SQL of `datastore_search` and of the dataset page's preview and chart over a version table.
 * Identifiers come from the Table Schema only (the caller resolved them to readable columns);
 * every request value is a bound parameter cast to the column's type.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
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

const col = (c: ReadableColumn) => sql.id(c.name);

const bound = (c: ReadableColumn, v: unknown, key: string) =>
  sql`cast(${checkedValue(c, v, key)} as ${sql.raw(PG_TYPES[c.type])})`;

const RANGE_OPS = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '=', ne: '<>' } as const;

/** `filters`: {"col": value}, {"col": [v1, v2]}, {"col": null} or {"col": {"lt": 2020}}. */
function filterConditions(table: ReadableTable, filters: Record<string, unknown>): RawBuilder<unknown>[] {
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

/** `q`: full text over the whole row (string) or per field (dict), with `plain` and `language`. */
function qConditions(table: ReadableTable, p: SearchParams): RawBuilder<unknown>[] {
  if (p.q === undefined || p.q === '') return [];
  const lang = sql.lit(p.language);
  const query = (text: string) =>
    p.plain
      ? sql`plainto_tsquery(${lang}::regconfig, ${text})`
      : sql`to_tsquery(${lang}::regconfig, ${text})`;
  if (typeof p.q === 'string' || typeof p.q === 'number') {
    const cols = table.columns.filter((c) => c.type !== 'id');
    if (cols.length === 0) return [sql`false`];
    const row = sql`concat_ws(' ', ${sql.join(cols.map((c) => sql`${col(c)}::text`))})`;
    return [sql`to_tsvector(${lang}::regconfig, ${row}) @@ ${query(textOf(p.q, 'q'))}`];
  }
  return Object.entries(p.q).map(([name, v]) => {
    const c = columnNamed(table, name, 'q');
    return sql`to_tsvector(${lang}::regconfig, coalesce(${col(c)}::text, '')) @@ ${query(textOf(v, 'q'))}`;
  });
}

const tableRef = (t: ReadableTable) => sql.id('datastore', t.tableName);

/** The WHERE clause of a search (filters and q), for the preview and the chart too. */
function whereClause(table: ReadableTable, p: Pick<SearchParams, 'filters' | 'q' | 'plain' | 'language'>) {
  const conds = [
    ...filterConditions(table, p.filters ?? {}),
    ...qConditions(table, { ...p } as SearchParams),
  ];
  return conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
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
}

/**
 * Build the records and total queries of a search. Building checks the request's filters and q
 * against the table (ValidationError); running may fail only on a caller's to_tsquery syntax.
 */
export function prepareSearch(
  table: ReadableTable,
  p: SearchParams,
  cols: ReadableColumn[],
  sortKeys: SortKey[],
): PreparedSearch {
  const where = whereClause(table, p);
  const order = orderTerms(cols, sortKeys, p.distinct);
  const select = sql.join(cols.map(col));
  const limit = Math.min(p.limit, ROWS_MAX);
  const recordsQ = sql<Record<string, unknown>>`select ${sql.raw(p.distinct ? 'distinct ' : '')}${select}
    from ${tableRef(table)} ${where} order by ${sql.join(order)} limit ${limit} offset ${p.offset}`;
  const totalQ = p.distinct
    ? sql<{
        n: number;
      }>`select count(*)::int8 as n from (select distinct ${select} from ${tableRef(table)} ${where}) d`
    : sql<{ n: number }>`select count(*)::int8 as n from ${tableRef(table)} ${where}`;
  return {
    async run(db) {
      const rows = (await recordsQ.execute(db)).rows;
      const total = p.include_total ? Number((await totalQ.execute(db)).rows[0]?.n ?? 0) : undefined;
      return { rows, total };
    },
  };
}

/** A chart's data: `value` summed per `axis` category, over the rows the reader's filter keeps. */
export async function sumByCategory(
  db: Kysely<DB>,
  t: ReadableTable,
  axis: ReadableColumn,
  value: ReadableColumn,
  where: Pick<SearchParams, 'filters' | 'q' | 'plain' | 'language'>,
  maxCategories: number,
) {
  const { rows } = await sql<{
    k: unknown;
    v: unknown;
  }>`select ${sql.id(axis.name)} as k, sum(${sql.id(value.name)}) as v
    from ${sql.id('datastore', t.tableName)} ${whereClause(t, where)}
    group by 1 order by 1 nulls last limit ${maxCategories + 1}`.execute(db);
  return rows;
}
