import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import { type Bilingual, ValidationError } from '../../../kernel/errors.js';
import { PG_TYPES, type ReadableColumn, type ReadableTable } from './readable-table.js';
import { type CkanField, ckanFields, formatRecords } from './records.js';

export { jsonValue } from './records.js';

/** CKAN's `ckan.datastore.search.rows_max`. */
export const ROWS_MAX = 32_000;
export const DEFAULT_LIMIT = 100;
/** Text search configurations a caller may name in `language` (PostgreSQL built-ins). */
export const LANGUAGES = ['indonesian', 'english', 'simple'] as const;
export const RECORDS_FORMATS = ['objects', 'lists', 'csv', 'tsv'] as const;

export interface SearchParams {
  filters?: Record<string, unknown> | undefined;
  q?: string | Record<string, unknown> | undefined;
  plain: boolean;
  language: (typeof LANGUAGES)[number];
  fields?: string[] | undefined;
  sort?: string | undefined;
  limit: number;
  offset: number;
  distinct: boolean;
  include_total: boolean;
  records_format: (typeof RECORDS_FORMATS)[number];
}

function invalid(key: string, text: Bilingual): ValidationError {
  return new ValidationError({ [key]: [text] });
}

/** A request name looked up in the table's readable columns (the schema decides, never the request). */
export function columnNamed(table: ReadableTable, name: string, key: string): ReadableColumn {
  const c = table.columns.find((x) => x.name === name);
  if (!c)
    throw invalid(key, {
      id: `Kolom "${name}" tidak ada di tabel ini`,
      en: `field "${name}" not in table`,
    });
  return c;
}

const col = (c: ReadableColumn) => sql.id(c.name);

/** A request value checked against the column's type, as the text the database casts. */
export function checkedValue(c: ReadableColumn, v: unknown, key: string): string {
  const bad = () =>
    invalid(key, {
      id: `Nilai ${JSON.stringify(v)?.slice(0, 60)} tidak cocok dengan tipe kolom "${c.name}"`,
      en: `Value ${JSON.stringify(v)?.slice(0, 60)} does not match the type of field "${c.name}"`,
    });
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v : null;
  switch (c.type) {
    case 'id':
    case 'integer':
      if (s === null || !/^-?\d{1,18}$/.test(s)) throw bad();
      return s;
    case 'year':
      if (s === null || !/^-?\d{1,9}$/.test(s)) throw bad();
      return s;
    case 'number':
      if (s === null || !/^-?\d{1,30}(\.\d{1,30})?$/.test(s)) throw bad();
      return s;
    case 'boolean':
      if (v === true || v === 'true') return 'true';
      if (v === false || v === 'false') return 'false';
      throw bad();
    case 'date': {
      if (s === null || !/^\d{4}-\d{2}-\d{2}$/.test(s)) throw bad();
      const d = new Date(`${s}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw bad();
      return s;
    }
    default:
      if (s === null || s.includes('\u0000')) throw bad();
      return s;
  }
}

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

function textOf(v: unknown, key: string): string {
  if (typeof v !== 'string' && typeof v !== 'number')
    throw invalid(key, { id: 'Kata kunci harus berupa teks', en: 'The search text must be a string' });
  const s = String(v);
  if (s.includes('\u0000')) throw invalid(key, { id: 'Kata kunci tidak valid', en: 'Invalid search text' });
  return s;
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

interface SortKey {
  column: ReadableColumn;
  desc: boolean;
  nulls?: 'first' | 'last';
}

/** Split `sort` at commas outside double quotes. */
function splitClauses(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const SORT_CLAUSE = /^\s*(?:"((?:[^"]|"")+)"|([^\s"]+))(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i;

/** `sort`: "a, b desc, "c d" asc nulls last"; every name must be a readable column. */
export function parseSort(table: ReadableTable, sort: string | undefined): SortKey[] {
  if (!sort?.trim()) return [];
  return splitClauses(sort).map((clause) => {
    const m = SORT_CLAUSE.exec(clause);
    if (!m)
      throw invalid('sort', {
        id: `Urutan "${clause.trim().slice(0, 80)}" tidak dapat dibaca`,
        en: `Cannot read sort clause "${clause.trim().slice(0, 80)}"`,
      });
    const name = m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] as string);
    const key: SortKey = { column: columnNamed(table, name, 'sort'), desc: m[3]?.toLowerCase() === 'desc' };
    if (m[4]) key.nulls = m[4].toLowerCase() as 'first' | 'last';
    return key;
  });
}

/** `fields`: a list or a comma-separated string; default: every readable column. */
export function selectedColumns(table: ReadableTable, fields: string[] | undefined): ReadableColumn[] {
  if (!fields || fields.length === 0) return table.columns;
  const picked = fields.map((f) => columnNamed(table, f.trim(), 'fields'));
  return picked.filter((c, i) => picked.indexOf(c) === i);
}

export interface SearchResult {
  fields: CkanField[];
  records: unknown;
  total?: number;
  columns: ReadableColumn[];
}

const tableRef = (t: ReadableTable) => sql.id('datastore', t.tableName);

/** The WHERE clause of a search (filters and q), for the preview and the chart too. */
export function whereClause(
  table: ReadableTable,
  p: Pick<SearchParams, 'filters' | 'q' | 'plain' | 'language'>,
) {
  const conds = [
    ...filterConditions(table, p.filters ?? {}),
    ...qConditions(table, { ...p } as SearchParams),
  ];
  return conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
}

/**
 * Run datastore_search over the version table. Identifiers come from the Table Schema only;
 * every request value is a bound parameter cast to the column's type.
 */
export async function runSearch(
  db: Kysely<DB>,
  table: ReadableTable,
  p: SearchParams,
): Promise<SearchResult> {
  const cols = selectedColumns(table, p.fields);
  const sortKeys = parseSort(table, p.sort);
  if (p.distinct)
    for (const k of sortKeys)
      if (!cols.includes(k.column))
        throw invalid('sort', {
          id: `Dengan distinct, kolom urutan "${k.column.name}" harus ada di fields`,
          en: `With distinct, sort field "${k.column.name}" must be in fields`,
        });
  const where = whereClause(table, p);
  const order = sortKeys.length
    ? sortKeys.map(
        (k) =>
          sql`${col(k.column)} ${sql.raw(k.desc ? 'desc' : 'asc')}${sql.raw(k.nulls ? ` nulls ${k.nulls}` : '')}`,
      )
    : p.distinct
      ? cols.map((c) => sql`${col(c)}`)
      : [sql`${sql.id('_id')}`];
  const select = sql.join(cols.map(col));
  const limit = Math.min(p.limit, ROWS_MAX);
  const recordsQ = sql<Record<string, unknown>>`select ${sql.raw(p.distinct ? 'distinct ' : '')}${select}
    from ${tableRef(table)} ${where} order by ${sql.join(order)} limit ${limit} offset ${p.offset}`;
  const totalQ = p.distinct
    ? sql<{
        n: number;
      }>`select count(*)::int8 as n from (select distinct ${select} from ${tableRef(table)} ${where}) d`
    : sql<{ n: number }>`select count(*)::int8 as n from ${tableRef(table)} ${where}`;
  let rows: Record<string, unknown>[];
  let total: number | undefined;
  try {
    rows = (await recordsQ.execute(db)).rows;
    if (p.include_total) total = Number((await totalQ.execute(db)).rows[0]?.n ?? 0);
  } catch (err) {
    // Only `to_tsquery` (plain=false) can fail on a checked request: its syntax is the caller's.
    if (!p.plain && p.q !== undefined)
      throw invalid('q', {
        id: 'Sintaks kueri teks (plain=false) tidak valid',
        en: 'Invalid text query syntax (plain=false)',
      });
    throw err;
  }
  const result: SearchResult = {
    fields: ckanFields(cols),
    records: formatRecords(cols, rows, p.records_format),
    columns: cols,
  };
  if (total !== undefined) result.total = total;
  return result;
}
