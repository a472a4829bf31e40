/**
 * The typed table of one resource version, `datastore."v_<version id without dashes>"`
 * (layout in migration 0005): `_id bigint` then one column per Table Schema field. Names and
 * statement texts only; version-table.repository.ts runs them.
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

/** CREATE TABLE for a version (no primary key yet: it is added after the load, which is faster). */
export function createVersionTableSql(versionId: string, schema: TableSchema): string {
  const columns = schema.fields.map((f) => `${quoteIdent(f.name)} ${COLUMN_TYPES[f.type] ?? 'text'}`);
  return `create table ${qualifiedVersionTable(versionId)} (_id bigint not null${columns.map((c) => `, ${c}`).join('')})`;
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
