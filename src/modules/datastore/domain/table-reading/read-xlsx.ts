/**
 * Reads an XLSX upload as a stream of rows shaped like the CSV reader's: picks the sheet,
 * skips title rows above the header, names the columns of a merged two-level header
 * "group sub", and gives every cell as text (numbers `1234,5`, dates ISO; see cell-text.ts).
 *
 * Merged cells: exceljs's streaming reader does not report merges (they are written after
 * the data in the sheet's XML), so a merged group header is recognised by its layout: a label
 * with empty cells to its right, over a row of sub-labels (see detect-header.ts).
 */
import type { Readable } from 'node:stream';
import type { Row } from 'exceljs';
import { cellText } from './cell-text.js';
import { detectHeader, type HeaderLayout, headerAtRow, type RawRow } from './detect-header.js';
import { type OpenWorkbook, openWorkbook, type XlsxSheet } from './open-workbook.js';
import { TableReadError, type TableReadProblem } from './table-read-error.js';
import { rowsOf, type TableReading, type TableRow, type TableSpan, toTableRow } from './table-reading.js';
import type { ZipLimits } from './zip-guard.js';

export type { XlsxSheet } from './open-workbook.js';

export interface XlsxReadOptions {
  /** Named in error messages. */
  fileName?: string;
  /** The sheet: its name (case-insensitive), or its 1-based tab position. Default: the first visible sheet with a table. */
  sheet?: string | number;
  /** The header's row number (1-based), when detection should not decide. */
  headerRow?: number;
  /** Zip-bomb limits; see {@link ZipLimits}. */
  limits?: Partial<ZipLimits>;
}

export interface XlsxSource {
  readonly format: 'xlsx';
  readonly sheetName: string;
  /** All sheets of the workbook, in tab order. */
  readonly sheets: readonly XlsxSheet[];
}

const HEADER_SCAN_ROWS = 100;

/** The cells of an exceljs row as text, column A first, gaps as empty strings. */
function cellsOf(row: Row, date1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell((cell, column) => {
    cells[column - 1] = cellText(cell, date1904);
  });
  return Array.from(cells, (cell) => cell ?? '');
}

const isBlank = (row: RawRow) => row.cells.every((cell) => cell === '');

function isSelected(sheet: XlsxSheet, wanted: string | number | undefined): boolean {
  if (wanted === undefined) return !sheet.isHidden;
  if (typeof wanted === 'number') return sheet.position === wanted;
  return sheet.name.trim().toLowerCase() === wanted.trim().toLowerCase();
}

interface Scan {
  /** Non-blank rows read so far. */
  scanned: RawRow[];
  isDone: boolean;
}

async function scanSheet(book: OpenWorkbook, batches: AsyncIterator<Row[]>): Promise<Scan> {
  const scanned: RawRow[] = [];
  while (scanned.length < HEADER_SCAN_ROWS) {
    const next = await book.guarded(batches.next());
    if (next.done) return { scanned, isDone: true };
    for (const row of next.value) {
      const raw = { rowNumber: row.number, cells: cellsOf(row, book.date1904) };
      if (!isBlank(raw)) scanned.push(raw);
    }
  }
  return { scanned, isDone: false };
}

/** The data rows in batches: those read while looking for the header, then as exceljs parses them. */
async function* bodyBatches(
  book: OpenWorkbook,
  buffered: readonly RawRow[],
  rest: AsyncIterator<Row[]>,
  span: TableSpan,
): AsyncGenerator<TableRow[]> {
  try {
    const first = buffered.flatMap((row) => toTableRow(row.cells, row.rowNumber, span) ?? []);
    if (first.length > 0) yield first;
    for (let next = await book.guarded(rest.next()); !next.done; next = await book.guarded(rest.next())) {
      const batch = next.value.flatMap(
        (row) => toTableRow(cellsOf(row, book.date1904), row.number, span) ?? [],
      );
      if (batch.length > 0) yield batch;
    }
  } finally {
    book.close();
  }
}

/**
 * The header of a scanned sheet, or why it has no table. Unless the sheet was chosen by
 * name or position, a table needs two columns: a notes sheet of single-cell lines
 * ("Petunjuk pengisian …") in front of the data is common and is not the table.
 */
function findTable(scan: Scan, options: XlsxReadOptions): HeaderLayout | TableReadProblem {
  const { headerRow, sheet } = options;
  const layout = headerRow ? headerAtRow(scan.scanned, headerRow) : detectHeader(scan.scanned);
  if (!layout || (sheet === undefined && layout.columns.length < 2)) return 'no-header';
  if (scan.isDone && layout.bodyStart >= scan.scanned.length) return 'no-rows';
  return layout;
}

/** Reads a rejected sheet to its end, so exceljs can move on to the next one. */
async function drain(book: OpenWorkbook, batches: AsyncIterator<Row[]>): Promise<void> {
  for (let next = await book.guarded(batches.next()); !next.done; next = await book.guarded(batches.next()));
}

/**
 * Starts reading an XLSX file from a byte stream; resolves once the sheet and its header are
 * found, with the rows still to be read. Rejects with a {@link TableReadError} for a
 * password-protected, damaged or oversized (zip-bomb) file, a missing sheet, or a sheet with
 * no header or no data.
 */
export async function readXlsx(
  source: Readable,
  options: XlsxReadOptions = {},
): Promise<TableReading<XlsxSource>> {
  const fileName = options.fileName ?? 'data.xlsx';
  const book = await openWorkbook(source, fileName, options.limits);
  let problem: TableReadProblem = options.sheet === undefined ? 'no-header' : 'sheet-not-found';
  for (let entry = await book.nextSheet(); entry; entry = await book.nextSheet()) {
    if (!isSelected(entry.sheet, options.sheet)) {
      entry.skip();
      continue;
    }
    const scan = await scanSheet(book, entry.batches);
    const found = findTable(scan, options);
    if (typeof found === 'string') {
      problem = problem === 'no-rows' ? problem : found;
      if (options.sheet !== undefined) break;
      if (!scan.isDone) await drain(book, entry.batches);
      continue;
    }
    const span = { firstColumn: found.firstColumn, width: found.columns.length };
    const batches = bodyBatches(book, scan.scanned.slice(found.bodyStart), entry.batches, span);
    return {
      columns: found.columns,
      headerRowNumbers: found.headerRowNumbers,
      numberStyle: 'id',
      source: { format: 'xlsx', sheetName: entry.sheet.name, sheets: book.sheets() },
      rows: rowsOf(batches),
      batches,
      close: book.close,
    };
  }
  const sheets = book.sheets().map((sheet) => sheet.name);
  book.close();
  throw new TableReadError(problem, fileName, { sheet: String(options.sheet ?? ''), sheets });
}

/**
 * Lists the sheets of an XLSX file, in tab order, reading only as far as the first sheet.
 * For a picker in the upload form.
 */
export async function listXlsxSheets(source: Readable, options: XlsxReadOptions = {}): Promise<XlsxSheet[]> {
  const book = await openWorkbook(source, options.fileName ?? 'data.xlsx', options.limits);
  try {
    const first = await book.nextSheet();
    const listed = book.sheets();
    return listed.length > 0 || !first ? listed : [first.sheet];
  } finally {
    book.close();
  }
}
