/**
 * A first Table Schema guessed from the header and a sample of rows, on a resource's first
 * upload; the producer then corrects it in the back office. Guesses are cautious: a column is
 * typed only when every sample value reads as that type, and codes stay text.
 */
import type { RegionLevel } from '../../../../kernel/db/schema.js';
import type {
  FieldType,
  ForeignKey,
  TableField,
  TableSchema,
} from '../../../../kernel/table-schema/table-schema.js';
import {
  detectNumberStyle,
  type NumberStyle,
  readIndonesianNumber,
} from '../table-reading/indonesian-number.js';
import type { TableRow } from '../table-reading/table-reading.js';
import { BOOLEAN_WORDS, readDate, readYear, readYearMonth } from './field-values.js';
import { normaliseRegionCode } from './region-code.js';

/** Longest PostgreSQL identifier. */
export const MAX_NAME_LENGTH = 63;
/** Field names: lower-case letters, digits and `_`, starting with a letter (`_id` is the datastore's). */
export const FIELD_NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * A stable snake_case identifier for a header: accents dropped, anything else than letters and
 * digits turned into `_`, a leading digit prefixed with `kolom_`, cut to 63 characters.
 */
export function fieldNameOf(header: string, position: number): string {
  const base = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' persen ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const name = base === '' ? `kolom_${position}` : /^[0-9]/.test(base) ? `kolom_${base}` : base;
  return name.slice(0, MAX_NAME_LENGTH).replace(/_+$/, '');
}

/** Unique names for the columns, in order: a repeat gets `_2`, `_3`… (still ≤ 63 characters). */
export function uniqueFieldNames(columns: readonly string[]): string[] {
  const used = new Set<string>();
  return columns.map((column, i) => {
    const base = fieldNameOf(column, i + 1);
    let name = base;
    for (let n = 2; used.has(name); n++) {
      const suffix = `_${n}`;
      name = `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    used.add(name);
    return name;
  });
}

const YEAR_NAME = /(^|_)(tahun|thn|year|periode_tahun)(_|$)/;
const CODE_NAME = /(^|_)(kode|kd|code|id|nik|npwp|nip|no|nomor|kbli|kbki)(_|$)/;
const REGION_NAME =
  /(^|_)(kode|kd)_?(wilayah|wil|prov|provinsi|kab|kabupaten|kota|kab_kota|kabkota|kec|kecamatan|desa|kel|kelurahan|desa_kel|desa_kelurahan)(_|$)/;

/** A column whose name says it holds codes or ids (kept as text even when its values are digits). */
export function isCodeColumnName(name: string): boolean {
  return CODE_NAME.test(name);
}

export interface InferOptions {
  /** How numbers are written when the format fixes it (XLSX: `id`); else detected per column. */
  numberStyle?: NumberStyle;
}

interface Column {
  name: string;
  title: string;
  values: string[];
  blanks: number;
}

function inferType(column: Column, options: InferOptions): { type: FieldType; style?: NumberStyle } {
  const { values, name } = column;
  if (values.length === 0) return { type: 'string' };
  if (values.every((v) => BOOLEAN_WORDS.has(v.toLowerCase()))) return { type: 'boolean' };
  const looksLikeCode = CODE_NAME.test(name) || values.some((v) => /^[+-]?0\d/.test(v));
  if (!looksLikeCode) {
    const style = options.numberStyle ?? detectNumberStyle(values);
    const numbers = values.map((v) => readIndonesianNumber(v, style));
    if (numbers.every((n) => n !== null)) {
      const isInteger = numbers.every((n) => n !== null && Number.isInteger(n.value));
      if (isInteger && YEAR_NAME.test(name) && values.every((v) => readYear(v) !== undefined))
        return { type: 'year' };
      return { type: isInteger ? 'integer' : 'number', style };
    }
  }
  if (values.every((v) => readDate(v) !== undefined)) return { type: 'date' };
  if (values.every((v) => readYearMonth(v) !== undefined)) return { type: 'yearmonth' };
  return { type: 'string' };
}

/** `region:<level>` when the name says region code and every value is a code of one level. */
function regionReference(column: Column): string | undefined {
  if (!REGION_NAME.test(column.name) || column.values.length === 0) return undefined;
  let level: RegionLevel | undefined;
  for (const value of column.values) {
    const code = normaliseRegionCode(value);
    if (!code || (level !== undefined && code.level !== level)) return undefined;
    level = code.level;
  }
  return level === undefined ? undefined : `region:${level}`;
}

/** Infer a schema from the header and a sample of rows (first upload). */
export function inferTableSchema(
  columns: readonly string[],
  sample: readonly TableRow[],
  options: InferOptions = {},
): TableSchema {
  const names = uniqueFieldNames(columns);
  const data: Column[] = columns.map((title, i) => {
    const values: string[] = [];
    let blanks = 0;
    for (const row of sample) {
      const cell = row.cells[i] ?? '';
      if (cell === '') blanks++;
      else values.push(cell);
    }
    return { name: names[i] ?? `kolom_${i + 1}`, title, values, blanks };
  });

  const foreignKeys: ForeignKey[] = [];
  const fields: TableField[] = data.map((column) => {
    const { type, style } = inferType(column, options);
    const field: TableField = { name: column.name, type };
    if (column.title !== column.name) field.title = column.title;
    if (style === 'en' && (type === 'number' || type === 'integer')) {
      field.decimalChar = '.';
      field.groupChar = ',';
    }
    if (column.blanks === 0 && column.values.length > 0) field.constraints = { required: true };
    const reference = type === 'string' ? regionReference(column) : undefined;
    if (reference)
      foreignKeys.push({ fields: column.name, reference: { resource: reference, fields: 'code' } });
    return field;
  });

  const schema: TableSchema = { fields };
  const primaryKey = guessPrimaryKey(data, fields, sample.length);
  if (primaryKey) schema.primaryKey = primaryKey;
  if (foreignKeys.length > 0) schema.foreignKeys = foreignKeys;
  return schema;
}

/**
 * The first column named as a code or id (`kode_…`, `id`, `nik`) of text or integers whose
 * sample values are all present and distinct, in a sample of at least two rows. A region code
 * next to a year column is a series, not a key, so it only counts when no period column exists.
 */
function guessPrimaryKey(data: readonly Column[], fields: readonly TableField[], sampleSize: number) {
  if (sampleSize < 2) return undefined;
  const hasPeriod = fields.some((f) => f.type === 'year' || f.type === 'yearmonth' || f.type === 'date');
  for (let i = 0; i < data.length; i++) {
    const column = data[i] as Column;
    const field = fields[i] as TableField;
    if (!CODE_NAME.test(column.name) || (field.type !== 'string' && field.type !== 'integer')) continue;
    if (column.blanks > 0 || new Set(column.values).size !== column.values.length) continue;
    if (hasPeriod && new Set(data.flatMap((c, j) => (fields[j]?.type === 'year' ? c.values : []))).size > 1)
      continue;
    return column.name;
  }
  return undefined;
}
