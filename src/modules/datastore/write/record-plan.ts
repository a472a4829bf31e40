/**
 * Records of a datastore_create/datastore_upsert checked against the resource's Table Schema
 * before anything is written: each becomes an insert or an update of one row, with its values
 * as canonical text, or an error naming the record and the column. One error refuses them all.
 */
import type { Bilingual } from '../../../kernel/errors.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { createTableValidator, type ReferenceLookup } from '../domain/validation/table-validator.js';
import type { ValidationReport } from '../domain/validation/validation-report.js';

export type Method = 'insert' | 'upsert' | 'update';
export type Op =
  | { kind: 'insert'; values: (string | null)[] }
  | { kind: 'update'; id: string; values: (string | null)[] };
export type KeyPart = { name: string; value: string | null };

/** Looks a row up by its key in the table being written; undefined when absent. */
export type FindRow = (key: KeyPart[]) => Promise<Record<string, string | null> | undefined>;

export function primaryKeyOf(schema: TableSchema): string[] {
  const pk = schema.primaryKey;
  return pk === undefined ? [] : Array.isArray(pk) ? pk : [pk];
}

/** A JSON value as the cell text a file would hold (numbers with '.', booleans true/false). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'string' ? v.trim() : JSON.stringify(v);
}

const KEY_MISSING = (i: number, names: string[]): Bilingual => ({
  id: `Rekaman ${i + 1}: kunci (${names.join(', ')}) wajib diisi untuk metode ini`,
  en: `Record ${i + 1}: the key (${names.join(', ')}) is required for this method`,
});

/**
 * Check every record and decide its operation. `update` needs the key of an existing row
 * (CKAN: `key "…" not found`), `insert` a key not yet used, `upsert` either. The table's key is
 * its primary key, else CKAN's `_id`. Returns the operations, or the errors and the report.
 */
export async function planRecords(
  schema: TableSchema,
  lookup: ReferenceLookup,
  method: Method,
  records: Record<string, unknown>[],
  findRow: FindRow,
): Promise<{ ops: Op[]; errors: Bilingual[]; report: ValidationReport }> {
  const names = schema.fields.map((f) => f.name);
  const known = new Set([...names, '_id']);
  const pk = primaryKeyOf(schema);
  const keyNames = pk.length ? pk : ['_id'];
  const validator = createTableValidator(schema, lookup, { numberStyle: 'en' });
  validator.checkHeader(names);
  const errors: Bilingual[] = [];
  const ops: Op[] = [];
  for (const [i, record] of records.entries()) {
    const unknown = Object.keys(record).filter((k) => !known.has(k));
    if (unknown.length) {
      errors.push({
        id: `Rekaman ${i + 1}: kolom tidak ada di tabel: ${unknown.join(', ')}`,
        en: `Record ${i + 1}: no such column in the table: ${unknown.join(', ')}`,
      });
      continue;
    }
    const hasKey = keyNames.every((k) => cellText(record[k]) !== '');
    let existing: Record<string, string | null> | undefined;
    if (method !== 'insert' || pk.length) {
      if (!hasKey) {
        if (method !== 'insert') errors.push(KEY_MISSING(i, keyNames));
        if (method !== 'insert') continue;
      } else existing = await findRow(keyNames.map((k) => ({ name: k, value: cellText(record[k]) })));
    }
    if (method === 'update' && !existing) {
      const key = Object.fromEntries(keyNames.map((k) => [k, record[k]]));
      errors.push({
        id: `Rekaman ${i + 1}: kunci ${JSON.stringify(key)} tidak ditemukan`,
        en: `Record ${i + 1}: key ${JSON.stringify(key)} not found`,
      });
      continue;
    }
    if (method === 'insert' && existing) {
      errors.push({
        id: `Rekaman ${i + 1}: kunci primer sudah ada`,
        en: `Record ${i + 1}: the primary key already exists`,
      });
      continue;
    }
    // An update changes only the columns the record names; the rest keep the row's values.
    const cells = names.map((n) => (Object.hasOwn(record, n) ? cellText(record[n]) : (existing?.[n] ?? '')));
    const values = validator.checkRow({ rowNumber: i + 1, cells });
    if (!values) continue;
    ops.push(existing?._id ? { kind: 'update', id: existing._id, values } : { kind: 'insert', values });
  }
  const report = validator.finish();
  for (const group of report.errors)
    for (const e of group.examples)
      errors.push({
        id: `Rekaman ${e.row ?? '-'}${e.column ? `, kolom ${e.column}` : ''}: ${e.message}`,
        en: `Record ${e.row ?? '-'}${e.column ? `, column ${e.column}` : ''}: ${e.message_en}`,
      });
  return { ops, errors, report };
}
