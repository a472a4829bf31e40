import ExcelJS from 'exceljs';
import {
  DATA_SHEETS,
  DATASET_SHEET,
  INSTRUCTIONS,
  SHEET,
  STANDARD_SHEET,
  type WorksheetSheet,
} from './worksheet-layout.js';

/** One record of a sheet: column key → cell text. */
export type SheetRow = Record<string, string>;

export interface WorksheetData {
  [sheet: string]: { row: number; values: SheetRow }[];
}

const FIRST_DATA_ROW = 3;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The instructions sheet: the heading, then each instruction in Indonesian and English. */
function addInstructions(wb: ExcelJS.Workbook, heading: string): void {
  const help = wb.addWorksheet(SHEET.instructions);
  help.getColumn(1).width = 120;
  help.addRow(['Lembar Kerja Metadata & SDS / Metadata & SDS worksheet']).font = { bold: true, size: 14 };
  help.addRow([heading]);
  help.addRow([]);
  for (const line of INSTRUCTIONS) {
    help.addRow([line.id]).alignment = { wrapText: true };
    help.addRow([line.en]).font = { italic: true };
  }
}

/** The (hidden) lists sheet: each coded column's codes and labels; returns `sheet:key` → range. */
function addLists(lists: ExcelJS.Worksheet): Map<string, string> {
  const listRange = new Map<string, string>();
  let listCol = 0;
  for (const sheet of DATA_SHEETS)
    for (const c of sheet.columns) {
      if (!c.choices?.length || listRange.has(`${sheet.name}:${c.key}`)) continue;
      listCol++;
      const letter = columnLetter(listCol);
      lists.getCell(`${letter}1`).value = `${sheet.name}:${c.key}`;
      c.choices.forEach((ch, i) => {
        lists.getCell(`${letter}${i + 2}`).value = ch.code;
      });
      listCol++;
      const labelLetter = columnLetter(listCol);
      lists.getCell(`${labelLetter}1`).value = 'label';
      c.choices.forEach((ch, i) => {
        lists.getCell(`${labelLetter}${i + 2}`).value = `${ch.id} / ${ch.en}`;
      });
      listRange.set(
        `${sheet.name}:${c.key}`,
        `'${SHEET.lists}'!$${letter}$2:$${letter}$${c.choices.length + 1}`,
      );
    }
  return listRange;
}

/** One data sheet: keys in row 1, labels in row 2, the records, and list validation on coded columns. */
function addDataSheet(
  wb: ExcelJS.Workbook,
  sheet: WorksheetSheet,
  rows: readonly SheetRow[],
  listRange: ReadonlyMap<string, string>,
): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow(sheet.columns.map((c) => c.key)).font = { color: { argb: 'FF808080' }, size: 8 };
  const labels = ws.addRow(
    sheet.columns.map(
      (c) => `${c.label.id}${c.required ? ' *' : ''}\n${c.label.en}${c.readOnly ? ' (—)' : ''}`,
    ),
  );
  labels.font = { bold: true };
  labels.alignment = { wrapText: true, vertical: 'top' };
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.kind === 'textarea' || c.kind === 'list' ? 40 : 22;
  });
  for (const r of rows) ws.addRow(sheet.columns.map((c) => r[c.key] ?? ''));
  const last = Math.max(ws.rowCount, FIRST_DATA_ROW) + 200;
  sheet.columns.forEach((c, i) => {
    const range = listRange.get(`${sheet.name}:${c.key}`);
    if (!range || c.kind === 'multi') return;
    for (let r = FIRST_DATA_ROW; r <= last; r++)
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: 'Pilihan tidak dikenal / Unknown choice',
        error: 'Pilih kode dari daftar / Pick a code from the list',
      };
  });
}

/** The XLSX file: instructions, one sheet per kind of record, and the lists for validation. */
export async function buildWorksheet(rows: Record<string, SheetRow[]>, heading: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Satu Data';
  wb.title = 'Lembar Kerja Metadata & SDS';
  addInstructions(wb, heading);
  const lists = wb.addWorksheet(SHEET.lists);
  const listRange = addLists(lists);
  for (const sheet of DATA_SHEETS) addDataSheet(wb, sheet, rows[sheet.name] ?? [], listRange);
  lists.state = 'hidden';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function textOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return textOf(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/**
 * Read an uploaded worksheet: for each known sheet, its records keyed by the column keys of
 * row 1, from row 3, with their row numbers. Missing sheets read as empty.
 */
export async function readWorksheet(buffer: Buffer): Promise<{
  data: WorksheetData;
  problems: { sheet: string; row: number | null; column: string | null; id: string; en: string }[];
}> {
  const wb = new ExcelJS.Workbook();
  const problems: { sheet: string; row: number | null; column: string | null; id: string; en: string }[] = [];
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    problems.push({
      sheet: '',
      row: null,
      column: null,
      id: 'Berkas bukan lembar kerja XLSX yang dapat dibaca',
      en: 'The file is not a readable XLSX worksheet',
    });
    return { data: {}, problems };
  }
  const data: WorksheetData = {};
  for (const sheet of DATA_SHEETS) {
    const ws = wb.getWorksheet(sheet.name);
    data[sheet.name] = [];
    if (!ws) continue;
    const keys = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => textOf(v).trim());
    const missing = sheet.columns.filter((c) => c.required && !keys.includes(c.key));
    for (const c of missing)
      problems.push({
        sheet: sheet.name,
        row: 1,
        column: c.key,
        id: `Kunci kolom ${c.key} tidak ada di baris 1`,
        en: `Column key ${c.key} is missing from row 1`,
      });
    for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: SheetRow = {};
      keys.forEach((key, i) => {
        if (key && sheet.columns.some((c) => c.key === key))
          values[key] = textOf(row.getCell(i).value).trim();
      });
      const editable = sheet.columns.filter((c) => !c.readOnly && !c.identifies);
      // A row with nothing filled in (a column nobody has described yet) is skipped.
      if (editable.every((c) => !values[c.key])) continue;
      data[sheet.name]?.push({ row: r, values });
    }
  }
  return { data, problems };
}

export { DATASET_SHEET, STANDARD_SHEET };
