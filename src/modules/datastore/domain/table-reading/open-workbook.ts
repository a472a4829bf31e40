/**
 * Opens an XLSX upload for streaming with exceljs's WorkbookReader, behind three checks:
 * the first bytes (a password-protected workbook is an OLE/CFB container, not a zip; an old
 * .xls too), a zip-bomb guard counting inflated bytes alongside exceljs, and a translation of
 * exceljs's low-level failures (`invalid signature`, `FILE_ENDED`, XML errors) into one
 * bilingual "damaged file" error. Every wait on exceljs races the guard, because exceljs does
 * not notice when its input is cut off and would wait forever.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS, { type Row } from 'exceljs';
import { TableReadError } from './table-read-error.js';
import { createZipGuard, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

/** A sheet as the workbook lists it. */
export interface XlsxSheet {
  readonly name: string;
  /** 1-based position among the workbook's tabs. */
  readonly position: number;
  readonly isHidden: boolean;
}

/** A batch of parse events from exceljs's streaming worksheet; rows are what the readers use. */
type WorksheetEvent = { eventType: 'row'; value: Row } | { eventType: string; value: unknown };

/** What exceljs's streaming worksheet offers, as far as the readers use it. */
interface StreamedWorksheet {
  /** Events in batches, one per slice of the sheet's XML. */
  parse(): AsyncIterable<WorksheetEvent[]>;
  readonly name?: string;
  readonly state?: string;
  /** The sheet's XML stream (a temporary file when exceljs had to set the sheet aside). */
  readonly iterator?: { destroy?: () => void };
}

interface StreamedWorkbookState {
  readonly model?: { readonly sheets?: readonly { name: string; state?: string }[] };
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
}

export interface OpenWorkbook {
  /** The next worksheet in archive order, with its tab details; undefined after the last. */
  nextSheet(): Promise<{ sheet: XlsxSheet; batches: AsyncIterator<Row[]>; skip(): void } | undefined>;
  /** Sheets listed by the workbook so far (all of them once a first sheet has come). */
  sheets(): XlsxSheet[];
  readonly date1904: boolean;
  /** Waits on an exceljs step, failing with the guard's or the file's error. */
  guarded<T>(step: Promise<T>): Promise<T>;
  close(): void;
}

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A failure that can cut short any pending wait on exceljs. */
interface Abort {
  fail(error: unknown): void;
  /** Settles as `step` does, or rejects as soon as `fail` is called. */
  race<T>(step: Promise<T>): Promise<T>;
}

/**
 * Creates an {@link Abort}. Not `Promise.race(step, neverSettling)`: every such race leaves a
 * reaction on the pending promise that keeps its result alive, so a sheet's rows would pile
 * up in memory, batch after batch, until the end of the file.
 */
function createAbort(): Abort {
  let failure: { error: unknown } | undefined;
  const waiting = new Set<(error: unknown) => void>();
  return {
    fail(error) {
      failure ??= { error };
      for (const reject of waiting) reject(error);
      waiting.clear();
    },
    race<T>(step: Promise<T>) {
      return new Promise<T>((resolve, reject) => {
        if (failure) return reject(failure.error);
        waiting.add(reject);
        step.then(
          (value) => {
            waiting.delete(reject);
            resolve(value);
          },
          (error: unknown) => {
            waiting.delete(reject);
            reject(error);
          },
        );
      });
    },
  };
}

/** Reads the first bytes of a stream, so they can be checked and then streamed on. */
async function readHead(chunks: AsyncIterator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < CFB_SIGNATURE.length) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(parts);
}

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function checkSignature(head: Buffer, fileName: string): void {
  if (head.length === 0) throw new TableReadError('empty', fileName);
  if (head.subarray(0, 8).equals(CFB_SIGNATURE)) throw new TableReadError('encrypted', fileName);
  if (head.subarray(0, 2).toString('latin1') === 'PK' && !head.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new TableReadError('corrupt', fileName);
  }
  if (!head.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new TableReadError('not-xlsx', fileName);
}

/**
 * Checks the file's signature and starts exceljs on it. Rejects with a {@link TableReadError}
 * for an empty file, a password-protected or .xls workbook, or something that is not a zip.
 */
export async function openWorkbook(
  source: Readable,
  fileName: string,
  limits: Partial<ZipLimits> = {},
): Promise<OpenWorkbook> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head = await readHead(chunks);
  try {
    checkSignature(head, fileName);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const abort = createAbort();
  const body = Readable.from(prepend(head, chunks), { objectMode: false, highWaterMark: 64 * 1024 });
  const excelInput = new PassThrough();
  const applied = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const guard = createZipGuard(applied, (violation) => {
    const detail = { bytes: applied.maxUncompressedBytes, ratio: applied.maxCompressionRatio };
    abort.fail(new TableReadError(violation === 'size' ? 'too-large' : 'zip-bomb', fileName, detail));
  });
  body.on('error', (error) => abort.fail(error));
  body.pipe(excelInput);
  body.pipe(guard);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(excelInput, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const close = () => {
    for (const stream of [body, excelInput, guard, source]) stream.destroy();
  };
  return workbookHandle(reader, fileName, abort, close);
}

/** The sheet's rows in the batches exceljs parses them in (its own row iterator yields one by one). */
async function* rowBatches(worksheet: StreamedWorksheet): AsyncGenerator<Row[]> {
  for await (const events of worksheet.parse()) {
    const rows: Row[] = [];
    for (const event of events) if (event.eventType === 'row') rows.push(event.value as Row);
    if (rows.length > 0) yield rows;
  }
}

function workbookHandle(
  reader: ExcelJS.stream.xlsx.WorkbookReader,
  fileName: string,
  abort: Abort,
  close: () => void,
): OpenWorkbook {
  const state = reader as unknown as StreamedWorkbookState;
  const worksheets = reader[Symbol.asyncIterator]();
  const guarded = async <T>(step: Promise<T>): Promise<T> => {
    try {
      return await abort.race(step);
    } catch (error) {
      close();
      throw error instanceof TableReadError ? error : new TableReadError('corrupt', fileName);
    }
  };
  const sheets = (): XlsxSheet[] =>
    (state.model?.sheets ?? []).map((sheet, index) => ({
      name: sheet.name,
      position: index + 1,
      isHidden: sheet.state !== undefined && sheet.state !== 'visible',
    }));
  return {
    async nextSheet() {
      const next = await guarded(worksheets.next());
      if (next.done) return undefined;
      const worksheet = next.value as unknown as StreamedWorksheet;
      const name = worksheet.name ?? '';
      const listed = sheets().find((sheet) => sheet.name === name);
      const sheet = listed ?? { name, position: 0, isHidden: worksheet.state === 'hidden' };
      const skip = () => worksheet.iterator?.destroy?.();
      return { sheet, batches: rowBatches(worksheet), skip };
    },
    sheets,
    get date1904() {
      return state.properties?.model?.date1904 ?? false;
    },
    guarded,
    close,
  };
}
