import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import type { DB } from '../../../kernel/db/schema.js';
import { readRowsAfter } from '../datastore-read.repository.js';
import type { ReadableColumn, ReadableTable } from './readable-table.js';
import { jsonValue, neutraliseFormula, sheetCell } from './records.js';

/** Rows read per query while streaming a download (keyset on `_id`; never the whole table). */
export const EXPORT_BATCH_ROWS = 2_000;

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** The columns a download carries: the readable fields, without CKAN's `_id`. */
export function exportColumns(table: ReadableTable): ReadableColumn[] {
  return table.columns.filter((c) => c.type !== 'id');
}

/**
 * The table in batches of `batchRows`, by `_id` (keyset paging works on both drivers; PGlite
 * offers no cursor), so memory stays flat whatever the table's size.
 */
export async function* readBatches(
  db: Kysely<DB>,
  table: ReadableTable,
  batchRows = EXPORT_BATCH_ROWS,
): AsyncGenerator<Record<string, unknown>[]> {
  const names = exportColumns(table).map((c) => c.name);
  let last = 0;
  for (;;) {
    const rows = await readRowsAfter(db, table.tableName, names, last, batchRows);
    if (rows.length === 0) return;
    yield rows;
    last = Number(rows[rows.length - 1]?._id);
    if (rows.length < batchRows) return;
  }
}

/**
 * CSV (UTF-8, CRLF, header row), optionally with a BOM so Excel reads it as UTF-8; `delimiter`
 * '\t' makes it TSV.
 */
export function csvStream(
  db: Kysely<DB>,
  table: ReadableTable,
  opts: { bom?: boolean; delimiter?: ',' | '\t' } = {},
): Readable {
  const cols = exportColumns(table);
  const delimiter = opts.delimiter ?? ',';
  async function* lines(): AsyncGenerator<string> {
    const header = Papa.unparse([cols.map((c) => neutraliseFormula(c.name))], { newline: '\r\n', delimiter });
    yield `${opts.bom ? '\uFEFF' : ''}${header}\r\n`;
    for await (const rows of readBatches(db, table)) {
      const data = rows.map((r) => cols.map((c) => sheetCell(c, r[c.name]) ?? ''));
      yield `${Papa.unparse(data, { newline: '\r\n', header: false, delimiter })}\r\n`;
    }
  }
  return Readable.from(lines());
}

/** JSON: an array of objects keyed by field name, written batch by batch. */
export function jsonStream(db: Kysely<DB>, table: ReadableTable): Readable {
  const cols = exportColumns(table);
  async function* chunks(): AsyncGenerator<string> {
    yield '[';
    let first = true;
    for await (const rows of readBatches(db, table)) {
      const parts = rows.map((r) =>
        JSON.stringify(Object.fromEntries(cols.map((c) => [c.name, jsonValue(c, r[c.name])]))),
      );
      yield `${first ? '' : ','}${parts.join(',')}`;
      first = false;
    }
    yield ']';
  }
  return Readable.from(chunks());
}

/** XLSX through exceljs' streaming writer: one sheet, header row, rows committed as they come. */
export function xlsxStream(db: Kysely<DB>, table: ReadableTable, sheetName = 'Data'): Readable {
  const cols = exportColumns(table);
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Data');
  (async () => {
    sheet.addRow(cols.map((c) => neutraliseFormula(c.name))).commit();
    for await (const rows of readBatches(db, table)) {
      for (const r of rows) sheet.addRow(cols.map((c) => sheetCell(c, r[c.name]))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

export function exportStream(
  format: ExportFormat,
  db: Kysely<DB>,
  table: ReadableTable,
  opts: { bom?: boolean } = {},
): Readable {
  if (format === 'csv') return csvStream(db, table, opts);
  if (format === 'json') return jsonStream(db, table);
  return xlsxStream(db, table, table.resource.name || 'Data');
}
