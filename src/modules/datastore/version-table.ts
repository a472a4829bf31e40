/**
 * The typed table of one resource version, `datastore."v_<version id without dashes>"`
 * (layout in migration 0005): `_id bigint`, one column per Table Schema field, then `_full_text`
 * (a tsvector of the row, GIN-indexed). Names and statement texts only; version-table.repository.ts runs them.
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

/**
 * CKAN's `_full_text`: every field of the row as one tsvector, computed as rows are loaded (a
 * stored generated column) so `q` searches a GIN index instead of reading the whole table.
 */
function fullTextColumn(schema: TableSchema): string {
  const text = schema.fields.length
    ? schema.fields.map((f) => `coalesce(${fieldText(f)}, '')`).join(` || ' ' || `)
    : `''`;
  return `_full_text tsvector generated always as (to_tsvector('${FULL_TEXT_CONFIG}'::regconfig, ${text})) stored`;
}

/** CREATE TABLE for a version (no primary key yet: it is added after the load, which is faster). */
export function createVersionTableSql(versionId: string, schema: TableSchema): string {
  const columns = schema.fields.map((f) => `${quoteIdent(f.name)} ${COLUMN_TYPES[f.type] ?? 'text'}`);
  return `create table ${qualifiedVersionTable(versionId)} (_id bigint not null${columns.map((c) => `, ${c}`).join('')}, ${fullTextColumn(schema)})`;
}

/** Adds `_full_text` to a table loaded before it existed (full-text-backfill.handler.ts). */
export function addFullTextColumnSql(versionId: string, schema: TableSchema): string {
  return `alter table ${qualifiedVersionTable(versionId)} add column if not exists ${fullTextColumn(schema)}`;
}

/** The GIN index over `_full_text` (CKAN's full-text index). */
export function fullTextIndexSql(versionId: string): string {
  return `create index on ${qualifiedVersionTable(versionId)} using gin (_full_text)`;
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
