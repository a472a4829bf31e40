/**
 * Issue #4, item 1, "done when": every format variant of the same table parses to the same
 * values. The variants are generated into a temporary directory and read back from disk.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPULATION_COLUMNS, POPULATION_ROWS, type PopulationRow } from './fixture-table.js';
import { CSV_VARIANTS, type FixtureFile, writeTableFixtures } from './fixtures.js';
import { parseIndonesianDate } from './indonesian-date.js';
import { detectNumberStyle, parseIndonesianNumber } from './indonesian-number.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { TableReading, TableRow } from './table-reading.js';

let dir = '';
let files: FixtureFile[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'table-variants-'));
  files = await writeTableFixtures(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readFixture(file: FixtureFile): Promise<{ reading: TableReading<unknown>; rows: TableRow[] }> {
  const source = createReadStream(file.path);
  const fileName = `${file.name}.${file.format}`;
  const reading =
    file.format === 'csv' ? await readCsv(source, { fileName }) : await readXlsx(source, { fileName });
  const rows: TableRow[] = [];
  for await (const row of reading.rows) rows.push(row);
  return { reading, rows };
}

/** The typed values of a read table, each number column read in its detected (or given) style. */
function typedValues(reading: TableReading<unknown>, rows: readonly TableRow[]): (PopulationRow | null)[] {
  const cell = (row: TableRow, name: string) => row.cells[reading.columns.indexOf(name)] ?? '';
  const styleOf = (name: string) =>
    reading.numberStyle ?? detectNumberStyle(rows.map((row) => cell(row, name)));
  const number = (row: TableRow, name: string) => parseIndonesianNumber(cell(row, name), styleOf(name));
  return rows.map((row) => {
    const values = {
      kodeKecamatan: cell(row, 'kode_kecamatan'),
      namaKecamatan: cell(row, 'nama_kecamatan'),
      tahun: number(row, 'tahun'),
      jumlahPenduduk: number(row, 'jumlah_penduduk'),
      persentase: number(row, 'persentase'),
      tanggalUpdate: parseIndonesianDate(cell(row, 'tanggal_update')),
    };
    const { tahun, jumlahPenduduk, persentase, tanggalUpdate } = values;
    if (tahun === null || jumlahPenduduk === null || persentase === null || tanggalUpdate === null)
      return null;
    return { ...values, tahun, jumlahPenduduk, persentase, tanggalUpdate };
  });
}

const variantNames = [...CSV_VARIANTS.map((v) => v.name), 'xlsx-plain', 'xlsx-title', 'xlsx-text'];

describe('every written variant of the population table', () => {
  it.each(variantNames)('%s reads as the same columns and values', async (name) => {
    const file = files.find((f) => f.name === name);
    if (!file) throw new Error(`no fixture ${name}`);
    const { reading, rows } = await readFixture(file);
    expect(reading.columns).toEqual([...POPULATION_COLUMNS]);
    const expected = POPULATION_ROWS.map((row) =>
      file.isMonthOnly ? { ...row, tanggalUpdate: row.tanggalUpdate.slice(0, 7) } : row,
    );
    expect(typedValues(reading, rows)).toEqual(expected);
  });

  it.each(variantNames)('%s numbers its rows as the file does', async (name) => {
    const file = files.find((f) => f.name === name);
    if (!file) throw new Error(`no fixture ${name}`);
    const { reading, rows } = await readFixture(file);
    const firstDataRow = (reading.headerRowNumbers.at(-1) ?? 0) + 1;
    expect(rows.map((row) => row.rowNumber)).toEqual(POPULATION_ROWS.map((_, i) => firstDataRow + i));
  });

  it.each(CSV_VARIANTS)('$name reports the encoding and delimiter it was written with', async (variant) => {
    const file = files.find((f) => f.name === variant.name);
    if (!file) throw new Error(`no fixture ${variant.name}`);
    const { reading } = await readFixture(file);
    const encoding = variant.encoding.replace('-bom', '');
    expect(reading.source).toEqual({ format: 'csv', encoding, delimiter: variant.delimiter });
  });
});
