/**
 * The parameters of `datastore_search` checked against the table's readable columns: names come
 * from the Table Schema only, and every request value is checked against its column's type
 * before datastore-search.repository.ts binds it.
 */
import { type Bilingual, ValidationError } from '../../../kernel/errors.js';
import type { ReadableColumn, ReadableTable } from './readable-table.js';
import type { CkanField } from './records.js';

/** CKAN's `ckan.datastore.search.rows_max`. */
export const ROWS_MAX = 32_000;
export const DEFAULT_LIMIT = 100;
/** Text search configurations a caller may name in `language` (PostgreSQL built-ins). */
export const LANGUAGES = ['indonesian', 'english', 'simple'] as const;
export const RECORDS_FORMATS = ['objects', 'lists', 'csv', 'tsv'] as const;

export interface SearchParams {
  filters?: Record<string, unknown> | undefined;
  /**
   * Not a CKAN parameter (the dataset page's data grid only): column → text its value must
   * contain, ignoring case (`magetan` finds `Kabupaten Magetan`).
   */
  contains?: Record<string, string> | undefined;
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

export function invalid(key: string, text: Bilingual): ValidationError {
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

export function textOf(v: unknown, key: string): string {
  if (typeof v !== 'string' && typeof v !== 'number')
    throw invalid(key, { id: 'Kata kunci harus berupa teks', en: 'The search text must be a string' });
  const s = String(v);
  if (s.includes('\u0000')) throw invalid(key, { id: 'Kata kunci tidak valid', en: 'Invalid search text' });
  return s;
}

export interface SortKey {
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
  /** `_id` of the page's last row, when `_id` was selected (keyset paging). */
  lastId?: number;
}
