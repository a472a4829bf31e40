import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPULATION_ROWS } from './fixture-table.js';
import { type FixtureFile, writeTableFixtures } from './fixtures.js';
import { type BrokenFixture, writeBrokenFixtures } from './fixtures-broken.js';
import { MERGED_HEADER_COLUMNS, menOf } from './fixtures-xlsx.js';
import { parseIndonesianNumber } from './indonesian-number.js';
import { listXlsxSheets, readXlsx, type XlsxReadOptions } from './read-xlsx.js';
import { TableReadError, type TableReadProblem } from './table-read-error.js';
import type { TableRow } from './table-reading.js';

let dir = '';
let files: FixtureFile[] = [];
let broken = {} as Record<BrokenFixture, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-xlsx-'));
  files = await writeTableFixtures(dir);
  broken = await writeBrokenFixtures(join(dir, 'broken'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pathOf = (name: string) => files.find((file) => file.name === name)?.path ?? '';

async function read(path: string, options: XlsxReadOptions = {}) {
  const reading = await readXlsx(createReadStream(path), options);
  const rows: TableRow[] = [];
  for await (const row of reading.rows) rows.push(row);
  return { reading, rows };
}

describe(listXlsxSheets.name, () => {
  it('lists every sheet in tab order, hidden ones marked', async () => {
    expect(await listXlsxSheets(createReadStream(pathOf('xlsx-title')))).toEqual([
      { name: 'Petunjuk', position: 1, isHidden: false },
      { name: 'Referensi', position: 2, isHidden: true },
      { name: 'Penduduk 2024', position: 3, isHidden: false },
    ]);
  });
});

describe(readXlsx.name, () => {
  it('picks the first visible sheet with a table, past a notes sheet and a hidden sheet', async () => {
    const { reading } = await read(pathOf('xlsx-title'));
    expect(reading.source.sheetName).toBe('Penduduk 2024');
    expect(reading.headerRowNumbers).toEqual([4]);
  });

  it('reads the sheet it is asked for, by name in any case or by tab position', async () => {
    const byName = await read(pathOf('xlsx-title'), { sheet: 'referensi' });
    expect(byName.reading.columns).toEqual(['kode', 'nama']);
    expect(byName.rows).toEqual([{ rowNumber: 2, cells: ['3520', 'Magetan'] }]);
    const byPosition = await read(pathOf('xlsx-title'), { sheet: 3 });
    expect(byPosition.reading.source.sheetName).toBe('Penduduk 2024');
  });

  it('names the sheets there are when the one asked for is missing', async () => {
    const error = await read(pathOf('xlsx-title'), { sheet: 'Data 2025', fileName: 'penduduk.xlsx' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ problem: 'sheet-not-found' });
    expect((error as TableReadError).text.en).toContain('Sheets found: Petunjuk, Referensi, Penduduk 2024');
  });

  it('names the columns of a merged two-level header "group sub" and reads the values under it', async () => {
    const { reading, rows } = await read(pathOf('xlsx-merged'));
    expect(reading.columns).toEqual([...MERGED_HEADER_COLUMNS]);
    expect(reading.headerRowNumbers).toEqual([3, 4]);
    const men = rows.map((row) => parseIndonesianNumber(row.cells[3] ?? '', reading.numberStyle));
    const women = rows.map((row) => parseIndonesianNumber(row.cells[4] ?? '', reading.numberStyle));
    expect(men).toEqual(POPULATION_ROWS.map(menOf));
    expect(women).toEqual(POPULATION_ROWS.map((row) => row.jumlahPenduduk - menOf(row)));
  });

  it('writes number cells the Indonesian way and dates as ISO', async () => {
    const { reading, rows } = await read(pathOf('xlsx-title'));
    expect(reading.numberStyle).toBe('id');
    expect(rows[0]?.cells).toEqual(['3520010', 'Poncol', '2024', '32451', '12,5%', '2024-12-31']);
  });

  it.each([
    ['empty.xlsx', 'empty'],
    ['encrypted.xlsx', 'encrypted'],
    ['truncated.xlsx', 'corrupt'],
    ['not-a-zip.xlsx', 'not-xlsx'],
    ['header-only.xlsx', 'no-rows'],
    ['zip-bomb.xlsx', 'zip-bomb'],
  ] as [BrokenFixture, TableReadProblem][])(
    'refuses %s as %s, naming the file in both languages',
    async (name, problem) => {
      const error = await read(broken[name], { fileName: name }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TableReadError);
      expect(error).toMatchObject({ problem, fileName: name });
      const { text } = error as TableReadError;
      expect(text.id).toContain(`"${name}"`);
      expect(text.en).toContain(`"${name}"`);
    },
  );

  it('refuses a workbook that inflates past the configured size limit', async () => {
    const limits = { maxUncompressedBytes: 4 * 1024 };
    const error = await read(pathOf('xlsx-plain'), { limits, fileName: 'besar.xlsx' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ problem: 'too-large' });
    expect((error as TableReadError).text.en).toContain('4 KB');
  });
});
