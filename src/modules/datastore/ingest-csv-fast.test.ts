/**
 * The CSV fast path (ingest-csv-fast.ts: csv-splitter.ts + fast-rows.ts) against the reader and
 * validator it stands in for: the same files, fed once through it and once row by row through
 * papaparse and checkRow, give the same report (every error kind, row, column, value and
 * message) and the same COPY bytes. Files are generated (seeded) with what real uploads carry:
 * quoted cells with delimiters, doubled quotes and line breaks, CRLF, blank rows, Indonesian
 * numbers (`1.234,5`), dates in two writings, region codes with and without dots, backslashes
 * and tabs, non-ASCII text and spaces, and errors of every kind; fed in chunks of random size.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { readCsv } from './domain/table-reading/read-csv.js';
import { referenceLookupOf } from './domain/validation/reference-lookup.js';
import { refineInferredSchema } from './domain/validation/refine-inferred-schema.js';
import { createTableValidator, inferTableSchema } from './domain/validation/table-validator.js';
import { IngestProgress, InvalidUpload, validatingFeed } from './ingest-feed.js';
import { refineFromCsv, takeSample } from './ingest-reading.js';

const SCHEMA: TableSchema = {
  fields: [
    { name: 'kode', type: 'string', constraints: { required: true } },
    { name: 'nama', type: 'string', constraints: { maxLength: 40 } },
    { name: 'tahun', type: 'year', constraints: { minimum: 2000, maximum: 2030 } },
    { name: 'jumlah', type: 'integer', constraints: { minimum: 0 } },
    { name: 'nilai', type: 'number' },
    { name: 'tanggal', type: 'date', constraints: { minimum: '2000-01-01' } },
    { name: 'aktif', type: 'boolean' },
    { name: 'bulan', type: 'yearmonth' },
    { name: 'status', type: 'string', constraints: { enum: ['baru', 'lama'] } },
    { name: 'nomor', type: 'string', constraints: { unique: true, pattern: '[A-Z]-\\d+' } },
    { name: 'catatan', type: 'string' },
  ],
  primaryKey: ['kode', 'tahun', 'nomor'],
  foreignKeys: [{ fields: 'kode', reference: { resource: 'region:district', fields: 'code' } }],
};

const DISTRICTS = Array.from(
  { length: 60 },
  (_, i) => `35.${10 + (i % 6)}.${String(1 + Math.floor(i / 6)).padStart(2, '0')}`,
);
const lookup = () => referenceLookupOf(new Map([['region:district', new Set(DISTRICTS)]]));

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** One cell per column: mostly valid in varied writings, sometimes wrong (`bad` share). */
function cells(i: number, rand: () => number, bad: number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const wrong = () => rand() < bad;
  const code = pick(DISTRICTS);
  return [
    wrong() ? pick(['', '99.99.99', '3510']) : rand() < 0.3 ? code.replace(/\./g, '') : code,
    pick([
      'Desa Maju',
      ' Sukamaju ',
      'Kampung "Baru", Timur',
      'Désa Ñ 😀',
      'baris\nkedua',
      'a\\b',
      'x\ty',
      '\u00a0Spasi\u00a0',
      '',
      wrong() ? 'nama yang sangat panjang sekali melebihi empat puluh' : 'b',
    ]),
    wrong() ? pick(['1999', '20x4', '0202']) : String(2000 + (i % 30)),
    wrong()
      ? pick(['-5', '1,5', 'banyak'])
      : pick([String(i), `${i}`.padStart(4, '0'), '1.234', '12.345.678', '0', '-0']),
    pick(['21,79', '1.234,5', '-0,50', '7', '000,25', wrong() ? '1,2,3' : '3,14', '', '12.345']),
    wrong() ? pick(['31/02/2024', '1999-12-31']) : pick(['2024-01-31', '5/3/2021', '2020-02-29', '']),
    pick(['ya', 'Tidak', 'TRUE', '', wrong() ? 'mungkin' : 'false']),
    pick(['2024-12', 'Des-24', '', wrong() ? '2024-13' : '2023-01']),
    pick(['baru', 'lama', '', wrong() ? 'lain' : 'baru']),
    wrong() ? pick(['A-1', 'x']) : `B-${i}`,
    pick(['', 'catatan', '"dikutip"', 'semi;colon', wrong() ? 'x' : 'y']),
  ];
}

function quoted(cell: string, delimiter: string, rand: () => number): string {
  const needs = /["\n\r]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim();
  return needs || rand() < 0.1 ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csvText(
  rows: number,
  seed: number,
  opts: { newline: string; delimiter: string; bad: number; odd: boolean },
) {
  const rand = rng(seed);
  const lines = [SCHEMA.fields.map((f) => f.name).join(opts.delimiter)];
  for (let i = 1; i <= rows; i++) {
    if ((opts.bad > 0 || opts.odd) && rand() < 0.01) lines.push(rand() < 0.5 ? '' : opts.delimiter.repeat(3));
    let row = cells(i, rand, opts.bad).map((c) => quoted(c, opts.delimiter, rand));
    if (opts.odd && rand() < 0.01) row = [...row, 'lebih'];
    if (opts.odd && rand() < 0.005) row[10] = 'a"b';
    if (opts.odd && rand() < 0.005) row[10] = '"a" b';
    lines.push(row.join(opts.delimiter));
  }
  return lines.join(opts.newline) + opts.newline;
}

/** The file in chunks of random size, as a stream hands it over. */
function chunked(text: string, seed: number): Readable {
  const rand = rng(seed);
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(rand() * 20_000);
    parts.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(parts);
}

async function load(text: string, seed: number, fast: boolean) {
  const reading = await readCsv(chunked(text, seed), { fileName: 'uji.csv' });
  const batches = reading.batches[Symbol.asyncIterator]();
  const validator = createTableValidator(SCHEMA, lookup());
  validator.checkHeader(reading.columns);
  let checked = 0;
  const checkRow = validator.checkRow.bind(validator);
  validator.checkRow = (row) => {
    checked++;
    return checkRow(row);
  };
  const progress = new IngestProgress(undefined as unknown as Kysely<DB>, 'v', Number.POSITIVE_INFINITY);
  const copied: Buffer[] = [];
  const feed = validatingFeed({
    validator,
    sample: await takeSample(batches, 5),
    batches,
    takeRest: fast ? reading.takeRest : undefined,
    progress,
    chunkRows: 97,
  });
  const sink = {
    async write(chunk: string | Uint8Array) {
      copied.push(Buffer.from(chunk));
    },
    async finish() {},
    async abort() {},
  };
  const report = await feed(sink).catch((error: unknown) => {
    if (error instanceof InvalidUpload) return error.report;
    throw error;
  });
  return { report, copy: Buffer.concat(copied).toString('utf8'), rowsDone: progress.rowsDone, checked };
}

describe('CSV fast path', () => {
  const cases = [
    { name: 'valid, LF, comma', newline: '\n', delimiter: ',', bad: 0, odd: false },
    { name: 'valid, CRLF, semicolon', newline: '\r\n', delimiter: ';', bad: 0, odd: false },
    { name: 'errors of every kind, LF', newline: '\n', delimiter: ',', bad: 0.02, odd: false },
    {
      name: 'errors, CRLF, extra cells and stray quotes',
      newline: '\r\n',
      delimiter: ',',
      bad: 0.01,
      odd: true,
    },
    { name: 'tab-delimited with errors', newline: '\n', delimiter: '\t', bad: 0.01, odd: false },
  ];
  for (const [n, c] of cases.entries())
    it(`gives the reader's and validator's report and COPY text: ${c.name}`, async () => {
      for (const seed of [1, 2, 3]) {
        const text = csvText(3000, seed * 31 + n, c);
        const slow = await load(text, seed, false);
        const fast = await load(text, seed, true);
        expect(fast.report).toEqual(slow.report);
        expect(fast.copy).toEqual(slow.copy);
        expect(fast.rowsDone).toBe(slow.rowsDone);
        if (c.bad === 0 && !c.odd) {
          expect(slow.report.valid).toBe(true);
          // The fast path took the rows after the first 64 KB (read by papaparse to find the header).
          expect(fast.checked).toBeLessThan(slow.checked / 2);
        }
        if (c.bad > 0) expect(slow.report.valid).toBe(false);
      }
    }, 60_000);
});

describe('first upload: the inferred schema checked against the whole file', () => {
  it('reads the same schema through the fast splitter as through row objects', async () => {
    for (const [n, c] of [
      { newline: '\n', delimiter: ',', bad: 0, odd: false },
      { newline: '\r\n', delimiter: ';', bad: 0.02, odd: true },
    ].entries()) {
      const text = csvText(3000, 7 + n, c);
      const reading = await readCsv(chunked(text, 1), { fileName: 'uji.csv' });
      const sample = await takeSample(reading.batches[Symbol.asyncIterator](), 50);
      reading.close();
      const inferred = inferTableSchema(reading.columns, sample.rows);
      const slow = await refineInferredSchema(inferred, (await readCsv(chunked(text, 2))).rows);
      const fast = await refineFromCsv(inferred, await readCsv(chunked(text, 3)), {});
      expect(fast).toEqual(slow);
      if (c.bad > 0) expect(slow).not.toEqual(inferred);
    }
  });
});
