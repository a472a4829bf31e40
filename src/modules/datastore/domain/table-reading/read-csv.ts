/**
 * Reads a CSV upload as a stream: decode (UTF-8, UTF-16, Windows-1252), find the delimiter,
 * parse with papaparse, find the header below any title lines, then hand out the rows one at
 * a time. Memory stays flat whatever the file size: only a 64 KB sample, the first 100 rows
 * and one chunk's rows are held at once; the file is paused while rows wait to be read.
 *
 * Papaparse's own Node stream (`NODE_STREAM_INPUT`) is not used: it pauses its parser every
 * 16 rows and resumes it by timer, which made reading about thirty times slower.
 */
import { pipeline, type Readable } from 'node:stream';
import Papa from 'papaparse';
import { type Delimiter, detectDelimiter } from './detect-delimiter.js';
import { createDecodingStream, DecodingError, type TextEncodingName } from './detect-encoding.js';
import { detectHeader, headerAtRow, type RawRow } from './detect-header.js';
import { TableReadError } from './table-read-error.js';
import { rowsOf, type TableReading, type TableRow, type TableSpan, toTableRow } from './table-reading.js';

export interface CsvReadOptions {
  /** Named in error messages. */
  fileName?: string;
  /** Skip detection when the uploader said which encoding the file has. */
  encoding?: TextEncodingName;
  /** Skip detection when the uploader said which delimiter the file uses. */
  delimiter?: Delimiter;
  /** The header's row number (1-based), when detection should not decide. */
  headerRow?: number;
  /** Longest row accepted, in characters; longer means a runaway quoted cell. Default 8 MiB. */
  maxRowChars?: number;
}

export interface CsvSource {
  readonly format: 'csv';
  readonly encoding: TextEncodingName;
  readonly delimiter: Delimiter;
}

const SAMPLE_CHARS = 64 * 1024;
const HEADER_SCAN_ROWS = 100;
const DEFAULT_MAX_ROW_CHARS = 8 * 1024 * 1024;

const noop = () => {};

/** Turns decoding failures into the reader's bilingual error; other errors pass unchanged. */
export function asReadError(error: unknown, fileName: string): unknown {
  if (error instanceof DecodingError)
    return new TableReadError(error.problem, fileName, { bytes: error.byteOffset });
  return error;
}

/** Pulls decoded text until the sample is big enough for delimiter detection, or the file ends. */
async function readSample(chunks: AsyncIterator<string>): Promise<{ text: string; isDone: boolean }> {
  let text = '';
  while (text.length < SAMPLE_CHARS) {
    const next = await chunks.next();
    if (next.done) return { text, isDone: true };
    text += next.value;
  }
  return { text, isDone: false };
}

export type Newline = '\r\n' | '\n' | '\r';

/**
 * The line break the file uses, judged by the first one outside quotes (Excel writes CRLF
 * between rows but a bare LF inside a cell typed with Alt+Enter).
 */
export function detectNewline(sample: string): Newline {
  const outsideQuotes = sample.replace(/"[^"]*"/g, '');
  const match = /\r\n|\n|\r/.exec(outsideQuotes);
  return (match?.[0] as Newline | undefined) ?? '\r\n';
}

interface RecordSource {
  sample: string;
  rest: AsyncIterator<string>;
  delimiter: Delimiter;
  maxRowChars: number;
  fileName: string;
  newline: Newline;
  /** Where the parser stands between two batches: the text not parsed yet (see CsvRest). */
  state: { unparsed: string | undefined };
}

/**
 * The rest of a CSV file as text, for a consumer that splits records itself (the ingest's
 * fast path, ingest-csv-fast.ts): `unparsed` then `chunks`, starting at a record boundary, the
 * first record numbered `nextRowNumber`. Records are split as papaparse splits them with
 * `delimiter` and `newline`; a record longer than `maxRowChars` is a quote that never closes.
 */
export interface CsvRest {
  unparsed: string;
  chunks: AsyncIterator<string>;
  nextRowNumber: number;
  delimiter: Delimiter;
  newline: Newline;
  span: TableSpan;
  maxRowChars: number;
  fileName: string;
  close: () => void;
}

/** The rows of `rest` (its first record on), read with papaparse as readCsv reads them. */
export function csvRestBatches(rest: CsvRest): AsyncGenerator<TableRow[]> {
  const { unparsed: sample, chunks, delimiter, maxRowChars, fileName, newline } = rest;
  const state = { unparsed: undefined };
  const records = parseRecords({ sample, rest: chunks, delimiter, maxRowChars, fileName, newline, state });
  const position = { nextRowNumber: rest.nextRowNumber };
  return bodyBatches({ buffered: [], position, rest: records, span: rest.span, close: rest.close, fileName });
}

/**
 * Parses decoded text chunk by chunk with papaparse's parser, the way papaparse's own
 * streamers do: complete rows are parsed, the cut last row is carried into the next chunk.
 * Rows come out in batches, one per chunk, and the next chunk is read only when the batch
 * is used up, so the file is paused while rows wait. A carried row longer than `maxRowChars`
 * means a quote that never closes, and reading stops rather than hold the file in memory.
 */
async function* parseRecords(source: RecordSource): AsyncGenerator<string[][]> {
  const parser = new Papa.Parser({ delimiter: source.delimiter, newline: source.newline });
  let carried = '';
  let chunk: string | undefined = source.sample;
  while (chunk !== undefined) {
    const input = carried + chunk;
    const results = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
    carried = input.slice(results.meta.cursor);
    if (carried.length > source.maxRowChars) {
      throw new TableReadError('row-too-long', source.fileName, { bytes: source.maxRowChars });
    }
    source.state.unparsed = carried;
    if (results.data.length > 0) yield results.data;
    source.state.unparsed = undefined;
    const next = await source.rest.next();
    chunk = next.done ? undefined : next.value;
  }
  if (carried !== '') yield (parser.parse(carried, 0, false) as Papa.ParseResult<string[]>).data;
}

const isBlank = (row: RawRow) => row.cells.every((cell) => cell === '');

interface Scan {
  /** The rows read so far, numbered, cells trimmed. */
  scanned: RawRow[];
  isDone: boolean;
}

/** Reads record batches until enough non-blank rows are seen to find the header. */
async function scanRows(batches: AsyncIterator<string[][]>): Promise<Scan> {
  const scanned: RawRow[] = [];
  let nonBlank = 0;
  while (nonBlank < HEADER_SCAN_ROWS) {
    const next = await batches.next();
    if (next.done) return { scanned, isDone: true };
    for (const record of next.value) {
      const row = { rowNumber: scanned.length + 1, cells: record.map((cell) => cell.trim()) };
      scanned.push(row);
      if (!isBlank(row)) nonBlank++;
    }
  }
  return { scanned, isDone: false };
}

interface Body {
  buffered: readonly RawRow[];
  /** The row number of the first record not yet read; kept up to date as records are read. */
  position: { nextRowNumber: number };
  rest: AsyncIterator<string[][]>;
  span: TableSpan;
  close: () => void;
  fileName: string;
}

/** The data rows in batches: those read while looking for the header, then one batch per chunk. */
async function* bodyBatches({
  buffered,
  position,
  rest,
  span,
  close,
  fileName,
}: Body): AsyncGenerator<TableRow[]> {
  try {
    const first = buffered.flatMap((row) => toTableRow(row.cells, row.rowNumber, span) ?? []);
    if (first.length > 0) yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const batch: TableRow[] = [];
      let rowNumber = position.nextRowNumber;
      for (const record of next.value) {
        const row = toTableRow(record, rowNumber++, span);
        if (row) batch.push(row);
      }
      position.nextRowNumber = rowNumber;
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    throw asReadError(error, fileName);
  } finally {
    close();
  }
}

/**
 * Starts reading a CSV file from a byte stream; resolves once the header is found, with the
 * rows still to be read. Rejects with a {@link TableReadError} for an empty, binary or
 * header-only file, or one with no recognisable header.
 */
export async function readCsv(
  source: Readable,
  options: CsvReadOptions = {},
): Promise<TableReading<CsvSource> & { takeRest(): CsvRest | undefined }> {
  const fileName = options.fileName ?? 'data.csv';
  const decoding = createDecodingStream(options.encoding);
  pipeline(source, decoding, noop);
  const close = () => {
    decoding.destroy();
    source.destroy();
  };
  try {
    const rest = decoding[Symbol.asyncIterator]() as AsyncIterator<string>;
    const sample = await readSample(rest);
    if (sample.isDone && sample.text.trim() === '') throw new TableReadError('empty', fileName);
    const delimiter = options.delimiter ?? detectDelimiter(sample.text);
    const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
    const state: RecordSource['state'] = { unparsed: undefined };
    const newline = detectNewline(sample.text);
    const source = { sample: sample.text, rest, delimiter, maxRowChars, fileName, newline, state };
    const records = parseRecords(source);
    const { scanned, isDone } = await scanRows(records);
    if (isDone && scanned.every(isBlank)) throw new TableReadError('empty', fileName);
    const layout = options.headerRow ? headerAtRow(scanned, options.headerRow) : detectHeader(scanned);
    if (!layout) throw new TableReadError('no-header', fileName);
    const buffered = scanned.slice(layout.bodyStart);
    if (isDone && buffered.every(isBlank)) throw new TableReadError('no-rows', fileName);
    const span = { firstColumn: layout.firstColumn, width: layout.columns.length };
    const position = { nextRowNumber: scanned.length + 1 };
    const batches = bodyBatches({ buffered, position, rest: records, span, close, fileName });
    return {
      // Between two batches, the text not parsed yet and the chunks after it, for a consumer
      // that splits records itself; the batches must not be read after that.
      takeRest: (): CsvRest | undefined =>
        state.unparsed === undefined
          ? undefined
          : {
              unparsed: state.unparsed,
              chunks: rest,
              nextRowNumber: position.nextRowNumber,
              delimiter,
              newline,
              span,
              maxRowChars,
              fileName,
              close,
            },
      columns: layout.columns,
      headerRowNumbers: layout.headerRowNumbers,
      source: { format: 'csv', encoding: decoding.detected?.encoding ?? 'utf-8', delimiter },
      rows: rowsOf(batches),
      batches,
      close,
    };
  } catch (error) {
    close();
    throw asReadError(error, fileName);
  }
}
