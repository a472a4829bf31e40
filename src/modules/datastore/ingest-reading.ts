/**
 * The reading half of an ingest: open the stored file with the streamed readers (counting the
 * bytes read), take the first rows as a sample, and decide the Table Schema the rows are
 * checked against (the resource's, or one inferred from the file on the first upload).
 */
import { pipeline, Transform } from 'node:stream';
import type { FileStore } from '../../kernel/storage/file-store.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { closePersonalIdentifiers } from './domain/pii-schema.js';
import { CsvSplitter } from './domain/table-reading/csv-splitter.js';
import type { NumberStyle } from './domain/table-reading/indonesian-number.js';
import { asReadError, type CsvRest, csvRestBatches, readCsv } from './domain/table-reading/read-csv.js';
import { readXlsx } from './domain/table-reading/read-xlsx.js';
import { TableReadError } from './domain/table-reading/table-read-error.js';
import type { TableReading, TableRow } from './domain/table-reading/table-reading.js';
import { refineInferredSchema, SchemaRefiner } from './domain/validation/refine-inferred-schema.js';
import { inferTableSchema } from './domain/validation/table-validator.js';

const TABULAR = new Set(['CSV', 'TSV', 'TXT', 'XLSX', 'XLS']);

/** Formats whose uploads go into the datastore. */
export function isTabularFormat(format: string): boolean {
  return TABULAR.has(format.trim().toUpperCase());
}

/** The stored upload a version reads. */
export interface StoredTable {
  storage_key: string;
  file_name: string;
  format: string;
}

/** Open the version's file with the reader of its format; `counted` hears every byte read. */
export async function openReading(
  files: FileStore,
  file: StoredTable,
  sheet: string | undefined,
  counted: (bytes: number) => void,
): Promise<TableReading<unknown> & { takeRest?: () => CsvRest | undefined }> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      counted(chunk.length);
      done(null, chunk);
    },
  });
  pipeline(files.open(file.storage_key), counter, () => {});
  const fileName = file.file_name;
  const isExcel = /^XLSX?$/i.test(file.format);
  if (isExcel) {
    const position = sheet && /^\d+$/.test(sheet) ? Number(sheet) : sheet;
    return readXlsx(counter, { fileName, ...(position !== undefined ? { sheet: position } : {}) });
  }
  return readCsv(counter, { fileName });
}

export interface Sample {
  /** The batches read so far, to be validated and loaded first. */
  buffered: (readonly TableRow[])[];
  /** The first `n` rows. */
  rows: TableRow[];
  /** The file ended within the sample. */
  isDone: boolean;
}

/** Pulls batches until `n` rows are buffered (or the file ends). */
export async function takeSample(batches: AsyncIterator<readonly TableRow[]>, n: number): Promise<Sample> {
  const buffered: (readonly TableRow[])[] = [];
  const rows: TableRow[] = [];
  while (rows.length < n) {
    const next = await batches.next();
    if (next.done) return { buffered, rows, isDone: true };
    buffered.push(next.value);
    for (const r of next.value) if (rows.length < n) rows.push(r);
  }
  return { buffered, rows, isDone: false };
}

export type StyleOption = { numberStyle?: NumberStyle };

/**
 * The schema a version is checked against: the version's own on a rebuild, else the resource's;
 * on the first upload one inferred from the sample, checked against the whole file (a second
 * read) so the producer's first upload is not refused for a rule nobody wrote.
 */
export async function schemaForUpload(
  files: FileStore,
  file: StoredTable,
  sheet: string | undefined,
  known: TableSchema | null,
  reading: TableReading<unknown>,
  sample: Sample,
  styleOption: StyleOption,
): Promise<TableSchema> {
  if (known) return known;
  let schema = closePersonalIdentifiers(
    inferTableSchema(reading.columns, sample.rows, styleOption),
    sample.rows,
  ).schema;
  if (!sample.isDone) {
    const whole = await openReading(files, file, sheet, () => {});
    try {
      schema = whole.takeRest
        ? await refineFromCsv(schema, whole as CsvReading, styleOption)
        : await refineInferredSchema(schema, whole.rows, styleOption);
    } finally {
      whole.close();
    }
  }
  return schema;
}

export type CsvReading = TableReading<unknown> & { takeRest: () => CsvRest | undefined };

/**
 * refineInferredSchema over a CSV file, the rows after the header's read by the fast splitter
 * (csv-splitter.ts) rather than as row objects: the first upload's second read of the file.
 */
export async function refineFromCsv(schema: TableSchema, reading: CsvReading, styleOption: StyleOption) {
  const refiner = new SchemaRefiner(schema, styleOption);
  const batches = reading.batches[Symbol.asyncIterator]();
  const first = await batches.next();
  if (first.done) return refiner.result();
  for (const row of first.value) refiner.see(row.cells);
  const rest = reading.takeRest();
  if (!rest || rest.newline === '\r') {
    for (let next = await batches.next(); !next.done; next = await batches.next())
      for (const row of next.value) refiner.see(row.cells);
    return refiner.result();
  }
  const splitter = new CsvSplitter(rest);
  const cells = new Array<string>(schema.fields.length).fill('');
  const see = () => {
    for (let i = 0; i < cells.length; i++) cells[i] = splitter.cell(i);
    refiner.see(cells);
  };
  let text = rest.unparsed;
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await rest.chunks.next();
    } catch (error) {
      throw asReadError(error, rest.fileName);
    }
    const final = next.done === true;
    if (!final) text += next.value;
    const cut = splitter.split(text, final, see);
    if (splitter.bailed) {
      const left = csvRestBatches({ ...rest, unparsed: text.slice(cut), nextRowNumber: splitter.rowNumber });
      for await (const batch of left) for (const row of batch) refiner.see(row.cells);
      break;
    }
    if (final) break;
    text = text.slice(cut);
    if (text.length > rest.maxRowChars)
      throw new TableReadError('row-too-long', rest.fileName, { bytes: rest.maxRowChars });
  }
  return refiner.result();
}
