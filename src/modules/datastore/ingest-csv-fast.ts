/**
 * The ingest's fast path for CSV (issue #20 items 1 and 2): one pass over the decoded text that
 * splits records (csv-splitter.ts), checks each row against checks compiled once from the
 * schema (fast-rows.ts) and appends its COPY text, with no row object in between. A record on
 * one line is offered first to the line reader (fast-lines.ts), which splits and checks it in
 * one pass over its characters. A row the fast checks do not accept goes through the
 * validator's checkRow, so errors are reported exactly as before; a record the splitter is not
 * sure of hands the rest of the file to the papaparse reader.
 *
 * It runs on the main thread: on PostgreSQL the server's COPY runs in its own process and on
 * PGlite in its own thread, so this pass and the database already use both cores (bench/ingest.ts
 * shows how little COPY waits).
 */
import { CsvSplitter } from './domain/table-reading/csv-splitter.js';
import { asReadError, type CsvRest, csvRestBatches } from './domain/table-reading/read-csv.js';
import { TableReadError } from './domain/table-reading/table-read-error.js';
import type { TableRow } from './domain/table-reading/table-reading.js';
import type { CopyBuffer } from './domain/validation/copy-buffer.js';
import type { FastRows } from './domain/validation/fast-rows.js';
import type { TableValidator } from './domain/validation/table-validator.js';
import type { stageClock } from './ingest-stages.js';

export interface FastCsvInput {
  validator: TableValidator;
  rest: CsvRest;
  fast: FastRows;
  /** Where valid rows go (ingest-feed.ts CopyChunks). */
  out: {
    readonly out: CopyBuffer;
    begin(): number;
    commit(): void;
    rewind(mark: number): void;
    addValues(values: readonly (string | null)[]): void;
    discard(): void;
  };
  /** Sends the chunks that are full. */
  send: () => Promise<void>;
  progress: { rowsDone: number; report(): Promise<void> };
  signal?: AbortSignal | undefined;
  clock: ReturnType<typeof stageClock>;
}

/**
 * Reads the rest of the file through the fast path. Returns the rows still to read when the
 * splitter left them to papaparse, else undefined (the file is read to its end).
 */
export async function fastCsvFeed(
  input: FastCsvInput,
): Promise<AsyncIterator<readonly TableRow[]> | undefined> {
  const { validator, rest, fast, out, progress, clock } = input;
  const splitter = new CsvSplitter(rest);
  let rows = 0;
  const take = (count: number, rowNumber: number, plain: boolean) => {
    rows++;
    const mark = out.begin();
    if (fast.row(splitter, count, rowNumber, plain, out.out)) {
      if (validator.hasErrors) out.rewind(mark);
      else out.commit();
      return;
    }
    out.rewind(mark);
    const values = validator.checkRow({ rowNumber, cells: splitter.cellTexts(count) });
    if (values && !validator.hasErrors) out.addValues(values);
  };
  // Lines the splitter can offer whole are read by the line reader, which splits and checks
  // them in one pass (fast-lines.ts); it leaves anything unusual to the splitter and `take`.
  const reader = fast.lines(rest.delimiter, rest.span);
  const line =
    reader &&
    ((s: string, start: number, end: number, rowNumber: number) => {
      const mark = out.begin();
      if (!reader(s, start, end, rowNumber, out.out)) {
        out.rewind(mark);
        return false;
      }
      rows++;
      if (validator.hasErrors) out.rewind(mark);
      else out.commit();
      return true;
    });
  /** Whatever the splitter left, read by papaparse from `text` on. */
  const leftover = (text: string) =>
    csvRestBatches({ ...rest, unparsed: text, nextRowNumber: splitter.rowNumber });
  let text = rest.unparsed;
  for (;;) {
    if (input.signal?.aborted) throw new Error('ingest stopped: the job runner is stopping');
    let t = clock.mark();
    let next: IteratorResult<string>;
    try {
      next = await rest.chunks.next();
    } catch (error) {
      throw asReadError(error, rest.fileName);
    }
    t = clock.add('read', t);
    const final = next.done === true;
    if (!final) text += next.value;
    const cut = splitter.split(text, final, take, line);
    progress.rowsDone += rows;
    rows = 0;
    if (validator.hasErrors) out.discard();
    clock.add('validate', t);
    if (splitter.bailed) return leftover(text.slice(cut));
    await input.send();
    await progress.report();
    if (final) break;
    text = text.slice(cut);
    if (text.length > rest.maxRowChars)
      throw new TableReadError('row-too-long', rest.fileName, { bytes: rest.maxRowChars });
  }
  rest.close();
  return undefined;
}
