/**
 * The shape both readers (CSV and XLSX) give: the header first, then the rows as a stream.
 * Validation against a Table Schema and the load into the datastore consume this; they never
 * see file formats, encodings or sheets.
 */
import type { NumberStyle } from './indonesian-number.js';

/** One row of data: its cells as text, aligned to the columns. */
export interface TableRow {
  /**
   * The row number people see when they open the file (1-based, title and header rows
   * counted): Excel's row number for XLSX; the record number for CSV, which is the line
   * number unless a quoted cell spans lines. Error messages name rows by it.
   */
  readonly rowNumber: number;
  /**
   * Trimmed text, one per column (empty string for an empty cell). A row with more filled
   * cells than the header has them after the last column, so a validator can refuse it.
   */
  readonly cells: readonly string[];
}

/** A table being read: the header is known, the rows are still to come. */
export interface TableReading<Source> {
  /** Column names as the header says, whitespace collapsed; "group sub" under a merged group. */
  readonly columns: readonly string[];
  /** The rows the header was read from (1-based). */
  readonly headerRowNumbers: readonly number[];
  /**
   * How numbers are written when the format fixes it: `id` for XLSX, whose number cells are
   * written `1234567,89`. Absent for CSV, where each column's style is detected from its
   * values (detectNumberStyle).
   */
  readonly numberStyle?: NumberStyle;
  /** Where the table came from: encoding and delimiter, or sheet. */
  readonly source: Source;
  /**
   * The data rows, read from the file as they are consumed (one pass only). Blank rows are
   * skipped, but their row numbers are not reused: a gap between two rows' numbers is a blank
   * row inside the table, which the validator reports (domain/validation). Reading errors (a
   * damaged file, a limit reached) are thrown from the iteration.
   */
  readonly rows: AsyncIterable<TableRow>;
  /**
   * The same rows in batches, as the file is read (a chunk of CSV, a slice of sheet XML): for
   * consumers that work in bulk, such as a COPY into the datastore. Read either `rows` or
   * `batches`, not both.
   */
  readonly batches: AsyncIterable<readonly TableRow[]>;
  /** Stops reading and releases the file; needed only when the rows are not read to the end. */
  close(): void;
}

/** Where a table sits among the cells of a row, as the header found it. */
export interface TableSpan {
  /** Index of the table's first column (0 = column A). */
  readonly firstColumn: number;
  /** Number of columns. */
  readonly width: number;
}

/**
 * Shapes one record of the file into a row of the table: trims the cells, drops those left of
 * the table and empty ones after its last column, pads a short row. Undefined for a blank
 * record (nothing in any cell, including left of the table), which the readers skip.
 */
export function toTableRow(
  record: readonly string[],
  rowNumber: number,
  span: TableSpan,
): TableRow | undefined {
  const { firstColumn, width } = span;
  let isBlank = true;
  for (let i = 0; i < firstColumn && isBlank; i++) if ((record[i] ?? '').trim() !== '') isBlank = false;
  let end = record.length;
  while (end > firstColumn + width && (record[end - 1] ?? '').trim() === '') end--;
  const cells = new Array<string>(Math.max(width, end - firstColumn));
  for (let i = 0; i < cells.length; i++) {
    const cell = (record[firstColumn + i] ?? '').trim();
    if (cell !== '') isBlank = false;
    cells[i] = cell;
  }
  return isBlank ? undefined : { rowNumber, cells };
}

/**
 * The rows of a stream of batches, one at a time. A plain iterator rather than an async
 * generator: it costs one resolved promise per row, which matters at a million rows.
 */
export function rowsOf<T>(batches: AsyncIterator<readonly T[]>): AsyncIterableIterator<T> {
  let batch: readonly T[] = [];
  let index = 0;
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      while (index >= batch.length) {
        const next = await batches.next();
        if (next.done) return { done: true, value: undefined };
        batch = next.value;
        index = 0;
      }
      return { done: false, value: batch[index++] as T };
    },
    async return(): Promise<IteratorResult<T>> {
      await batches.return?.(undefined);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
