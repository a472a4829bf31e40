import Papa from 'papaparse';
import { CKAN_TYPES, type ReadableColumn } from './readable-table.js';

/** How rows leave the datastore: JSON values, CKAN field entries, and the records formats. */

export type RecordsFormat = 'objects' | 'lists' | 'csv' | 'tsv';

/** One entry of CKAN's `fields`. */
export interface CkanField {
  id: string;
  type: string;
  info?: Record<string, string>;
}

/** A row value as JSON: numbers as numbers (CKAN's JSON does the same), others as they come. */
export function jsonValue(c: ReadableColumn, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (c.type === 'number' || c.type === 'integer' || c.type === 'year' || c.type === 'id') {
    const n = Number(v);
    return Number.isFinite(n) ? n : String(v);
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with = + - @ tab
 * or CR gets a leading apostrophe, so Excel and LibreOffice show it as text. Every spreadsheet
 * output uses it: downloads (CSV, XLSX) and datastore_search's CSV/TSV records.
 */
export function neutraliseFormula(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** A cell for a spreadsheet (CSV, TSV, XLSX): numbers as numbers, text neutralised, null as null. */
export function sheetCell(c: ReadableColumn, v: unknown): string | number | boolean | null {
  const j = jsonValue(c, v);
  if (j === null || j === undefined) return null;
  if (typeof j === 'number' || typeof j === 'boolean') return j;
  return neutraliseFormula(String(j));
}

/** CKAN `fields` entries, with the Table Schema's titles and descriptions as the data dictionary `info`. */
export function ckanFields(cols: ReadableColumn[]): CkanField[] {
  return cols.map((c) => {
    const f = c.field;
    const info: Record<string, string> = {};
    if (f?.title) info.label = f.title;
    if (f?.description) info.notes = f.description;
    if (f?.unit) info.unit = f.unit;
    return Object.keys(info).length
      ? { id: c.name, type: CKAN_TYPES[c.type], info }
      : { id: c.name, type: CKAN_TYPES[c.type] };
  });
}

/** `records` in the requested format: objects, lists, or CSV/TSV text without a header (CKAN). */
export function formatRecords(
  cols: ReadableColumn[],
  rows: Record<string, unknown>[],
  format: RecordsFormat,
): unknown {
  const lists = () => rows.map((r) => cols.map((c) => jsonValue(c, r[c.name])));
  switch (format) {
    case 'objects':
      return rows.map((r) => Object.fromEntries(cols.map((c) => [c.name, jsonValue(c, r[c.name])])));
    case 'lists':
      return lists();
    default: {
      if (rows.length === 0) return '';
      const cells = rows.map((r) => cols.map((c) => sheetCell(c, r[c.name])));
      const text = Papa.unparse(cells, {
        delimiter: format === 'tsv' ? '\t' : ',',
        newline: '\n',
        header: false,
      });
      return `${text}\n`;
    }
  }
}
