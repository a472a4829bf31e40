import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrokenFixture, writeBrokenFixtures } from './fixtures-broken.js';
import { detectNewline, readCsv } from './read-csv.js';
import { TableReadError, type TableReadProblem } from './table-read-error.js';
import type { TableRow } from './table-reading.js';

let dir = '';
let broken = {} as Record<BrokenFixture, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-csv-'));
  broken = await writeBrokenFixtures(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fromText = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);

async function allRows(rows: AsyncIterable<TableRow>): Promise<TableRow[]> {
  const list: TableRow[] = [];
  for await (const row of rows) list.push(row);
  return list;
}

/** A lazily generated CSV of `rows` rows that records how many bytes were pulled from it. */
function countingCsv(rows: number): { source: Readable; pulled: () => number; isDestroyed: () => boolean } {
  let pulled = 0;
  async function* lines() {
    yield Buffer.from('kode;nama;jumlah\r\n');
    for (let i = 0; i < rows; i += 1000) {
      let chunk = '';
      for (let j = i; j < i + 1000; j++) chunk += `${j};Kecamatan ${j};${j * 7},5\r\n`;
      pulled += chunk.length;
      yield Buffer.from(chunk);
    }
  }
  const source = Readable.from(lines());
  return { source, pulled: () => pulled, isDestroyed: () => source.destroyed };
}

describe(readCsv.name, () => {
  it.each([
    ['empty.csv', 'empty'],
    ['blank-lines.csv', 'empty'],
    ['header-only.csv', 'no-rows'],
    ['junk.csv', 'binary'],
    ['no-header.csv', 'no-header'],
  ] as [BrokenFixture, TableReadProblem][])(
    'refuses %s as %s, naming the file in both languages',
    async (name, problem) => {
      const error = await readCsv(createReadStream(broken[name]), { fileName: name }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TableReadError);
      expect(error).toMatchObject({ problem, fileName: name, status: 409 });
      const { text } = error as TableReadError;
      expect(text.id).toContain(`"${name}"`);
      expect(text.en).toContain(`"${name}"`);
      expect(text.id).not.toBe(text.en);
    },
  );

  it('stops at a runaway quoted cell instead of holding the rest of the file in memory', async () => {
    const options = { fileName: 'runaway-quote.csv', maxRowChars: 64 * 1024 };
    const error = await readCsv(createReadStream(broken['runaway-quote.csv']), options)
      .then((reading) => allRows(reading.rows))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableReadError);
    expect(error).toMatchObject({ problem: 'row-too-long', fileName: 'runaway-quote.csv' });
  });

  it('does not take a row of plain numbers under the header for BPS column numbers', async () => {
    const reading = await readCsv(fromText('a;b;c\r\n1;2;3\r\n4;5;6\r\n'));
    expect((await allRows(reading.rows)).map((row) => row.rowNumber)).toEqual([2, 3]);
  });

  it('keeps a quoted cell that spans lines as one row and counts rows as records', async () => {
    const reading = await readCsv(fromText('kode;catatan\r\n1;"baris satu\r\nbaris dua"\r\n2;biasa\r\n'));
    expect(await allRows(reading.rows)).toEqual([
      { rowNumber: 2, cells: ['1', 'baris satu\r\nbaris dua'] },
      { rowNumber: 3, cells: ['2', 'biasa'] },
    ]);
  });

  it('skips blank rows but keeps counting them, pads short rows and keeps extra cells', async () => {
    const reading = await readCsv(fromText('a;b;c\r\n1;2;3\r\n;;\r\n4\r\n5;6;7;8\r\n9;10;11;;\r\n'));
    expect(await allRows(reading.rows)).toEqual([
      { rowNumber: 2, cells: ['1', '2', '3'] },
      { rowNumber: 4, cells: ['4', '', ''] },
      { rowNumber: 5, cells: ['5', '6', '7', '8'] },
      { rowNumber: 6, cells: ['9', '10', '11'] },
    ]);
  });

  it('trims cells and uses the delimiter, encoding and header row it is given', async () => {
    const bytes = Buffer.from('judul\r\nx|y\r\n  Café | 2 \r\n', 'latin1');
    const reading = await readCsv(Readable.from([bytes]), {
      delimiter: '|',
      encoding: 'windows-1252',
      headerRow: 2,
    });
    expect(reading.columns).toEqual(['x', 'y']);
    expect(await allRows(reading.rows)).toEqual([{ rowNumber: 3, cells: ['Café', '2'] }]);
  });

  it('streams: the header and first rows come before most of the file is read', async () => {
    const { source, pulled } = countingCsv(1_000_000);
    const reading = await readCsv(source);
    const iterator = reading.rows[Symbol.asyncIterator]();
    for (let i = 0; i < 10; i++) await iterator.next();
    expect(pulled()).toBeLessThan(2 * 1024 * 1024);
    await iterator.return?.();
  });

  it('releases the file when the caller stops early', async () => {
    const { source, isDestroyed } = countingCsv(100_000);
    const reading = await readCsv(source);
    for await (const row of reading.rows) if (row.rowNumber > 5) break;
    expect(isDestroyed()).toBe(true);
  });

  it('reads every row of a larger file in order', async () => {
    const { source } = countingCsv(50_000);
    const reading = await readCsv(source);
    let expected = 2;
    for await (const row of reading.rows) expect(row.rowNumber).toBe(expected++);
    expect(expected).toBe(50_002);
  });

  it('passes on a failure of the underlying stream', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk gone'));
      },
    });
    await expect(readCsv(failing)).rejects.toThrow('disk gone');
  });
});

describe(detectNewline.name, () => {
  it('takes the first line break outside quotes', () => {
    expect(detectNewline('a;"x\ny"\r\nb')).toBe('\r\n');
    expect(detectNewline('a;b\nc')).toBe('\n');
    expect(detectNewline('a;b\rc')).toBe('\r');
    expect(detectNewline('a;b')).toBe('\r\n');
  });
});

describe('readCsv batches', () => {
  it('gives the same rows in batches for bulk consumers', async () => {
    const { source } = countingCsv(5_000);
    const reading = await readCsv(source);
    let count = 0;
    let batchCount = 0;
    for await (const batch of reading.batches) {
      batchCount++;
      count += batch.length;
    }
    expect(count).toBe(5_000);
    expect(batchCount).toBeGreaterThan(1);
    expect(batchCount).toBeLessThan(100);
  });
});
