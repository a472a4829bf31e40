/**
 * Finds the header of a table in the first rows of a sheet or CSV file, the way people lay
 * tables out in Indonesian offices: title lines and blank lines above, sometimes a two-level
 * header (a merged "Jumlah Penduduk" over "Laki-laki" and "Perempuan"), sometimes a row of
 * column numbers `(1) (2) (3)` under it as in BPS tables, and often a table that starts in
 * column B. Both readers (CSV and XLSX) share this, so both name columns the same way.
 */
import { parseIndonesianDate } from './indonesian-date.js';
import { parseIndonesianNumber } from './indonesian-number.js';

/** A row as read, before the header is known: trimmed cells and the row number in the file. */
export interface RawRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

export interface HeaderLayout {
  /** Column names, whitespace collapsed; a two-level header gives "group sub". */
  readonly columns: readonly string[];
  /** Rows that make up the header, column-number row included (1-based, as in the file). */
  readonly headerRowNumbers: readonly number[];
  /** Index of the first column of the table (0 = column A); cells left of it are dropped. */
  readonly firstColumn: number;
  /** Index, in the rows given, of the first row after the header. */
  readonly bodyStart: number;
}

const YEAR = /^(1[89]|2[01])\d{2}$/;

function filled(row: RawRow): number {
  let count = 0;
  for (const cell of row.cells) if (cell !== '') count++;
  return count;
}

/** Text that is not a number or a date; a year (`2024`) counts, as in "Kecamatan | 2023 | 2024". */
function isLabelRow(row: RawRow): boolean {
  let hasText = false;
  for (const cell of row.cells) {
    if (cell === '' || YEAR.test(cell)) continue;
    const isNumber = parseIndonesianNumber(cell, 'id') !== null || parseIndonesianNumber(cell, 'en') !== null;
    if (isNumber || parseIndonesianDate(cell) !== null) return false;
    hasText = true;
  }
  return hasText;
}

/**
 * `(1) (2) (3) …` across the filled cells: BPS's column-number row. Plain `1 2 3` is not
 * taken for one, because it could be data, and a row of data must never vanish silently.
 */
function isColumnNumberRow(row: RawRow): boolean {
  const numbers = row.cells.filter((cell) => cell !== '');
  return numbers.length >= 2 && numbers.every((cell, i) => cell === `(${i + 1})`);
}

/** The most common count of filled cells among rows with two or more (one-column tables: 1). */
function tableWidth(rows: readonly RawRow[]): number {
  const frequency = new Map<number, number>();
  for (const row of rows) {
    const count = filled(row);
    if (count >= 2) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let width = 1;
  let seen = 0;
  for (const [count, times] of frequency) {
    if (times > seen || (times === seen && count > width)) [width, seen] = [count, times];
  }
  return width;
}

/** Does `lower` fill a cell that `upper` leaves empty, and is it sparser than a full header? */
function isSubHeader(upper: RawRow, lower: RawRow, width: number): boolean {
  if (filled(upper) < 2 || filled(lower) >= width || !isLabelRow(lower)) return false;
  return lower.cells.some((cell, i) => cell !== '' && (upper.cells[i] ?? '') === '');
}

/** Names for a two-level header: a group label runs right over the empty cells after it. */
function combineNames(upper: readonly string[], lower: readonly string[], width: number): string[] {
  const names: string[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const top = upper[i] ?? '';
    const sub = lower[i] ?? '';
    if (top !== '') group = sub === '' ? '' : top;
    const label = top !== '' ? top : group;
    names.push([label, sub].filter((part) => part !== '').join(' '));
  }
  return names;
}

function layoutOf(rows: readonly RawRow[], headerIndexes: readonly number[]): HeaderLayout {
  const headerRows = headerIndexes.flatMap((i) => (rows[i] ? [rows[i]] : []));
  const cellsOf = (row: RawRow | undefined) => (row?.cells ?? []).map((cell) => cell.replace(/\s+/g, ' '));
  const upper = cellsOf(headerRows[0]);
  const lower = cellsOf(headerRows[1]);
  const span = Math.max(upper.length, lower.length);
  const used = (i: number) => (upper[i] ?? '') !== '' || (lower[i] ?? '') !== '';
  let first = 0;
  while (first < span && !used(first)) first++;
  let last = span - 1;
  while (last > first && !used(last)) last--;
  const names = headerRows.length === 2 ? combineNames(upper, lower, span) : upper;
  let bodyStart = (headerIndexes[headerIndexes.length - 1] ?? 0) + 1;
  const numbers = rows[bodyStart];
  const headerRowNumbers = headerRows.map((row) => row.rowNumber);
  if (numbers && isColumnNumberRow(numbers)) {
    headerRowNumbers.push(numbers.rowNumber);
    bodyStart++;
  }
  return { columns: names.slice(first, last + 1), headerRowNumbers, firstColumn: first, bodyStart };
}

/**
 * Finds the header among the first rows of a table; undefined when there is none (the first
 * table-wide row already holds numbers, or nothing is there).
 *
 * The header is the last row of labels, filled across at least half the table's width, before
 * the first row of data (a row with numbers or dates across at least half the width); with a
 * label row above it that it completes, the two form a two-level header. When no row of data
 * is in sight (a header-only file, or an all-text table) the first full-width row of labels
 * is the header. Title rows fill too few cells to qualify.
 */
export function detectHeader(rows: readonly RawRow[]): HeaderLayout | undefined {
  const width = tableWidth(rows);
  const isWideEnough = (row: RawRow) => filled(row) >= Math.max(width > 1 ? 2 : 1, Math.ceil(width / 2));
  const dataIndex = rows.findIndex((row) => isWideEnough(row) && !isLabelRow(row) && !isColumnNumberRow(row));
  let header = -1;
  if (dataIndex >= 0) {
    for (let i = dataIndex - 1; i >= 0 && header < 0; i--) {
      const row = rows[i];
      if (row && isWideEnough(row) && isLabelRow(row)) header = i;
    }
  } else {
    header = rows.findIndex((row) => filled(row) >= width && isLabelRow(row));
  }
  const row = rows[header];
  if (!row) return undefined;
  const below = rows[header + 1];
  if (below && isSubHeader(row, below, width)) return layoutOf(rows, [header, header + 1]);
  const above = rows[header - 1];
  if (above && isLabelRow(above) && isSubHeader(above, row, width))
    return layoutOf(rows, [header - 1, header]);
  return layoutOf(rows, [header]);
}

/** The layout when the caller names the header row (1-based row number in the file). */
export function headerAtRow(rows: readonly RawRow[], rowNumber: number): HeaderLayout | undefined {
  const index = rows.findIndex((row) => row.rowNumber === rowNumber);
  return index < 0 ? undefined : layoutOf(rows, [index]);
}
