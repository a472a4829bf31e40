/**
 * The typed table of one resource version, `datastore."v_<version id without dashes>"`
 * (layout in migration 0005): `_id bigint`, one column per Table Schema field, then `_full_text`
 * (a tsvector of the row, GIN-indexed; an ingested table gets it after its swap). Names and statement texts only; version-table.repository.ts runs them.
 */
import type { FieldType, TableSchema } from '../../kernel/table-schema/table-schema.js';

const COLUMN_TYPES: Record<FieldType, string> = {
  string: 'text',
  integer: 'bigint',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
  year: 'integer',
  yearmonth: 'text',
};

/** `v_<32 hex>` for a version id. */
export function versionTableName(versionId: string): string {
  const hex = versionId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a version id: ${versionId}`);
  return `v_${hex}`;
}

/** A quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `datastore."v_…"`, quoted. */
export function qualifiedVersionTable(versionId: string): string {
  return `datastore.${quoteIdent(versionTableName(versionId))}`;
}

/** Text search configuration of `_full_text` (the default `language` of datastore_search). */
export const FULL_TEXT_CONFIG = 'indonesian';

/**
 * A field as text in an immutable expression (a generated column allows nothing else):
 * `date::text` depends on DateStyle, so a date is spelled out as YYYY-MM-DD.
 */
function fieldText(f: TableSchema['fields'][number]): string {
  const c = quoteIdent(f.name);
  if (f.type === 'date')
    return `lpad(extract(year from ${c})::text, 4, '0') || '-' || lpad(extract(month from ${c})::text, 2, '0') || '-' || lpad(extract(day from ${c})::text, 2, '0')`;
  return f.type === 'string' || f.type === 'yearmonth' ? c : `${c}::text`;
}

/** `to_tsvector` of every field of the row: CKAN's `_full_text`. */
function fullTextExpression(schema: TableSchema): string {
  const text = schema.fields.length
    ? schema.fields.map((f) => `coalesce(${fieldText(f)}, '')`).join(` || ' ' || `)
    : `''`;
  return `to_tsvector('${FULL_TEXT_CONFIG}'::regconfig, ${text})`;
}

/**
 * `_full_text` as a stored generated column, for tables written row by row (DataStore writes),
 * so `q` searches a GIN index instead of reading the whole table.
 */
function fullTextColumn(schema: TableSchema): string {
  return `_full_text tsvector generated always as (${fullTextExpression(schema)}) stored`;
}

/**
 * CREATE TABLE for a version (no primary key yet: it is added after the load, which is faster).
 * An ingest loads without `_full_text` (`fullText: false`): the column costs six times the COPY,
 * so it is filled after the swap (full-text-fill.ts).
 */
export function createVersionTableSql(
  versionId: string,
  schema: TableSchema,
  options: { fullText?: boolean } = {},
): string {
  const columns = schema.fields.map((f) => `${quoteIdent(f.name)} ${COLUMN_TYPES[f.type] ?? 'text'}`);
  const fullText = options.fullText === false ? '' : `, ${fullTextColumn(schema)}`;
  return `create table ${qualifiedVersionTable(versionId)} (_id bigint not null${columns.map((c) => `, ${c}`).join('')}${fullText})`;
}

/** The GIN index over `_full_text` (CKAN's full-text index). */
export function fullTextIndexSql(versionId: string): string {
  return `create index on ${qualifiedVersionTable(versionId)} using gin (_full_text)`;
}

/**
 * The column a table without `_full_text` is filled into, row range by row range, after its
 * load; renamed to `_full_text` once every row has it and its index is built, so `q` never
 * reads a half-filled column.
 */
export const FULL_TEXT_FILL = '_full_text_fill';

export function addFullTextFillColumnSql(versionId: string): string {
  return `alter table ${qualifiedVersionTable(versionId)} add column if not exists ${FULL_TEXT_FILL} tsvector`;
}

/** Fills `_full_text_fill` for the rows with `from <= _id < to` not filled yet. */
export function fillFullTextSql(versionId: string, schema: TableSchema, from: number, to: number): string {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to))
    throw new Error('row range not whole numbers');
  return `update ${qualifiedVersionTable(versionId)} set ${FULL_TEXT_FILL} = ${fullTextExpression(schema)} where _id >= ${from} and _id < ${to} and ${FULL_TEXT_FILL} is null`;
}

/** The GIN index's name: the one PostgreSQL gives `create index on v_… (_full_text)`. */
export function fullTextIndexName(versionId: string): string {
  return `${versionTableName(versionId)}__full_text_idx`;
}

/** The GIN index over the column being filled; CONCURRENTLY runs outside a transaction. */
export function fullTextFillIndexSql(versionId: string, concurrently: boolean): string {
  return `create index ${concurrently ? 'concurrently ' : ''}if not exists ${quoteIdent(fullTextIndexName(versionId))} on ${qualifiedVersionTable(versionId)} using gin (${FULL_TEXT_FILL})`;
}

export function dropFullTextIndexSql(versionId: string): string {
  return `drop index if exists datastore.${quoteIdent(fullTextIndexName(versionId))}`;
}

/** The switch: the filled, indexed column becomes `_full_text`, which `q` then uses. */
export function finishFullTextFillSql(versionId: string): string {
  return `alter table ${qualifiedVersionTable(versionId)} rename column ${FULL_TEXT_FILL} to _full_text`;
}

export function addPrimaryKeySql(versionId: string): string {
  return `alter table ${qualifiedVersionTable(versionId)} add primary key (_id)`;
}

/** COPY's column list: `_id` then the fields in schema order. */
export function copyColumns(schema: TableSchema): string {
  return ['_id', ...schema.fields.map((f) => quoteIdent(f.name))].join(', ');
}

/**
 * One row in COPY's text format: tab-separated, `\N` for null, backslash, tab, newline and
 * carriage return escaped.
 */
export function copyLine(id: number, values: readonly (string | null)[]): string {
  let line = String(id);
  for (const v of values) {
    if (v === null) line += '\t\\N';
    else if (/[\\\t\n\r]/.test(v))
      line += `\t${v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}`;
    else line += `\t${v}`;
  }
  return `${line}\n`;
}
