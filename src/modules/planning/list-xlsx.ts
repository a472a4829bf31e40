import ExcelJS from 'exceljs';
import { ValidationError } from '../../kernel/errors.js';
import { type ItemTextField, LIST_COLUMNS, LIST_HEADERS } from './domain/columns.js';

/**
 * The Daftar Data as an XLSX in the 19-column format (STANDARDS.md §3.5): sheet "Daftar Data"
 * with exactly the format's headers in row 1 and one item per row from row 2, and a sheet
 * "Penjelasan" explaining each column. Reading is all-or-nothing: every problem is collected
 * with its sheet, row and column, and the caller refuses the whole file when there is one.
 */

export const LIST_SHEET = 'Daftar Data';
export const EXPLAIN_SHEET = 'Penjelasan';

/** One problem of an uploaded list, as the refusal report lists it. */
export interface ListProblem {
  sheet: string;
  /** Row number as the spreadsheet shows it; null for the whole file. */
  row: number | null;
  /** The column header of §3.5; null for the whole row. */
  column: string | null;
  message: string;
  message_en: string;
}

/** The list is refused whole: every problem with its sheet, row and column. */
export class ListRefusedError extends ValidationError {
  constructor(readonly problems: ListProblem[]) {
    const fields: Record<string, { id: string; en: string }[]> = {};
    for (const p of problems) {
      const key =
        [p.sheet, p.row ? `baris ${p.row}` : '', p.column ?? ''].filter(Boolean).join(' › ') || 'file';
      fields[key] = [...(fields[key] ?? []), { id: p.message, en: p.message_en }];
    }
    super(fields, {
      id: `Daftar data ditolak: ${problems.length} masalah; tidak ada yang disimpan`,
      en: `Data list refused: ${problems.length} problems; nothing was saved`,
    });
  }
}

/** A row as the format writes it: header → text. */
export type ListRow = Record<string, string>;

export async function buildListXlsx(rows: ListRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Satu Data';
  wb.title = title;
  const ws = wb.addWorksheet(LIST_SHEET);
  ws.addRow([...LIST_HEADERS]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(LIST_HEADERS.map((h) => r[h] ?? ''));
  ws.columns.forEach((c) => {
    c.width = 22;
  });
  const ex = wb.addWorksheet(EXPLAIN_SHEET);
  ex.addRow(['No', 'Kolom', 'Wajib', 'Kode yang sah', 'Penjelasan', 'Explanation']);
  ex.getRow(1).font = { bold: true };
  for (const [i, c] of LIST_COLUMNS.entries())
    ex.addRow([
      i + 1,
      c.header,
      c.required ? 'ya' : '',
      (c.codes ?? []).join(', '),
      c.explain.id,
      c.explain.en,
    ]);
  ex.addRow([]);
  ex.addRow([
    '',
    title,
    '',
    '',
    'Unggahan diterima utuh atau ditolak utuh; laporan penolakan menyebut baris dan kolom.',
    'An upload is accepted whole or refused whole; the refusal names row and column.',
  ]);
  ex.columns.forEach((c, i) => {
    c.width = i >= 4 ? 60 : 20;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('hyperlink' in v && 'text' in v) return textOf(v.text as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('result' in v) return textOf(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

export interface ParsedRow {
  row: number;
  values: ListRow;
}

/**
 * Read the sheet "Daftar Data": its header must be the 19 columns exactly, in order; each
 * non-empty row is checked for required cells, coded cells and duplicate ID DDD. The producer
 * column is resolved by `agencyOf` (name, short name or code → agency id).
 */
export async function readListXlsx(
  buffer: Buffer,
  agencyOf: (text: string) => string | undefined,
): Promise<{ rows: (ParsedRow & { agencyId: string })[]; problems: ListProblem[] }> {
  const problems: ListProblem[] = [];
  const add = (row: number | null, column: string | null, id: string, en: string) =>
    problems.push({ sheet: LIST_SHEET, row, column, message: id, message_en: en });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    problems.push({
      sheet: '',
      row: null,
      column: null,
      message: 'Berkas bukan XLSX yang dapat dibaca',
      message_en: 'The file is not a readable XLSX',
    });
    return { rows: [], problems };
  }
  const ws = wb.getWorksheet(LIST_SHEET) ?? wb.worksheets[0];
  if (!ws) {
    add(null, null, `Lembar "${LIST_SHEET}" tidak ada`, `Sheet "${LIST_SHEET}" is missing`);
    return { rows: [], problems };
  }
  const header = ws.getRow(1);
  const width = Math.max(header.cellCount, LIST_HEADERS.length);
  for (let i = 0; i < width; i++) {
    const found = textOf(header.getCell(i + 1).value).trim();
    const expected = LIST_HEADERS[i];
    if (expected === undefined) {
      if (found)
        add(
          1,
          found,
          `Kolom "${found}" tidak termasuk format 19 kolom`,
          `Column "${found}" is not in the 19-column format`,
        );
    } else if (found.toLowerCase() !== expected.toLowerCase()) {
      add(
        1,
        expected,
        `Kolom ${i + 1} harus berjudul "${expected}", tertulis "${found}"`,
        `Column ${i + 1} must be headed "${expected}", found "${found}"`,
      );
    }
  }
  if (problems.length) return { rows: [], problems };
  const rows: (ParsedRow & { agencyId: string })[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: ListRow = {};
    LIST_HEADERS.forEach((h, i) => {
      values[h] = textOf(row.getCell(i + 1).value).trim();
    });
    if (LIST_HEADERS.every((h) => !values[h])) continue;
    let agencyId = '';
    for (const c of LIST_COLUMNS) {
      const v = values[c.header] ?? '';
      if (c.required && !v) {
        add(r, c.header, `${c.label.id} wajib diisi`, `${c.label.en} is required`);
        continue;
      }
      if (c.codes && v && !c.codes.includes(v.toLowerCase()))
        add(
          r,
          c.header,
          `${c.header}: kode "${v}" tidak dikenal (${c.codes.join(', ')})`,
          `${c.header}: code "${v}" is unknown (${c.codes.join(', ')})`,
        );
      if (c.field === 'agency' && v) {
        agencyId = agencyOf(v) ?? '';
        if (!agencyId)
          add(
            r,
            c.header,
            `Perangkat daerah "${v}" tidak dikenal`,
            `Agency "${v}" is not known in this region`,
          );
      }
    }
    const id = values['ID DDD'] ?? '';
    if (id) {
      const first = seen.get(id);
      if (first !== undefined)
        add(
          r,
          'ID DDD',
          `ID DDD "${id}" sudah dipakai di baris ${first}`,
          `ID DDD "${id}" is already used in row ${first}`,
        );
      else seen.set(id, r);
    }
    for (const c of LIST_COLUMNS)
      if (c.codes && values[c.header]) values[c.header] = (values[c.header] ?? '').toLowerCase();
    rows.push({ row: r, values, agencyId });
  }
  if (rows.length === 0 && problems.length === 0)
    add(null, null, 'Daftar data tidak berisi baris', 'The data list holds no rows');
  return { rows, problems };
}

/** The item fields a row sets (the producer column excluded). */
export function fieldsOfRow(values: ListRow): Record<ItemTextField, string> {
  const out = {} as Record<ItemTextField, string>;
  for (const c of LIST_COLUMNS) if (c.field !== 'agency') out[c.field] = values[c.header] ?? '';
  return out;
}
