/**
 * Inference over every format variant of the table-reading fixtures: each infers the same
 * schema, and its rows validate against the schema inferred from any other variant to the
 * same canonical values.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableSchema } from '../../../../kernel/table-schema/table-schema.js';
import { POPULATION_ROWS } from '../table-reading/fixture-table.js';
import { CSV_VARIANTS, type FixtureFile, writeTableFixtures } from '../table-reading/fixtures.js';
import { readCsv } from '../table-reading/read-csv.js';
import { readXlsx } from '../table-reading/read-xlsx.js';
import type { TableReading, TableRow } from '../table-reading/table-reading.js';
import { FIELD_NAME_PATTERN, fieldNameOf, inferTableSchema, uniqueFieldNames } from './infer-table-schema.js';
import { referenceLookupOf } from './reference-lookup.js';
import { createTableValidator } from './table-validator.js';

let dir = '';
let files: FixtureFile[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'infer-schema-'));
  files = await writeTableFixtures(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readFixture(name: string): Promise<{ reading: TableReading<unknown>; rows: TableRow[] }> {
  const file = files.find((f) => f.name === name);
  if (!file) throw new Error(`no fixture ${name}`);
  const source = createReadStream(file.path);
  const fileName = `${file.name}.${file.format}`;
  const reading =
    file.format === 'csv' ? await readCsv(source, { fileName }) : await readXlsx(source, { fileName });
  const rows: TableRow[] = [];
  for await (const row of reading.rows) rows.push(row);
  return { reading, rows };
}

const noReferences = referenceLookupOf(new Map());
const variants = [...CSV_VARIANTS.map((v) => v.name), 'xlsx-plain', 'xlsx-title', 'xlsx-text'];
const isMonthOnly = (name: string) => CSV_VARIANTS.find((v) => v.name === name)?.dates === 'month-id';

function expectedValues(monthOnly: boolean): string[][] {
  return POPULATION_ROWS.map((row) => [
    row.kodeKecamatan,
    row.namaKecamatan,
    String(row.tahun),
    String(row.jumlahPenduduk),
    String(row.persentase),
    monthOnly ? row.tanggalUpdate.slice(0, 7) : row.tanggalUpdate,
  ]);
}

function validate(schema: TableSchema, reading: TableReading<unknown>, rows: readonly TableRow[]) {
  const validator = createTableValidator(schema, noReferences, { numberStyle: reading.numberStyle });
  validator.checkHeader(reading.columns);
  const values = rows.map((row) => validator.checkRow(row));
  return { values, report: validator.finish() };
}

describe('inferTableSchema over every written variant of the population table', () => {
  it.each(variants)('%s infers the same types, a key and required columns', async (name) => {
    const { reading, rows } = await readFixture(name);
    const schema = inferTableSchema(reading.columns, rows, { numberStyle: reading.numberStyle });
    expect(schema.fields.map((f) => [f.name, f.type])).toEqual([
      ['kode_kecamatan', 'string'],
      ['nama_kecamatan', 'string'],
      ['tahun', 'year'],
      ['jumlah_penduduk', 'integer'],
      ['persentase', 'number'],
      ['tanggal_update', isMonthOnly(name) ? 'yearmonth' : 'date'],
    ]);
    expect(schema.fields.every((f) => f.constraints?.required === true)).toBe(true);
    expect(schema.primaryKey).toBe('kode_kecamatan');
    expect(schema.foreignKeys).toBeUndefined();
  });

  it.each(variants)(
    '%s validates against its own schema and the reference one to the same values',
    async (name) => {
      const { reading, rows } = await readFixture(name);
      const own = inferTableSchema(reading.columns, rows, { numberStyle: reading.numberStyle });
      const expected = expectedValues(isMonthOnly(name));
      const mine = validate(own, reading, rows);
      expect(mine.report).toMatchObject({ valid: true, row_count: 6, error_count: 0 });
      expect(mine.values).toEqual(expected);
      if (isMonthOnly(name)) return;
      const reference = await readFixture('utf8-semicolon-id-slash');
      const theirs = inferTableSchema(reference.reading.columns, reference.rows);
      const other = validate(theirs, reading, rows);
      expect(other.report.valid).toBe(true);
      expect(other.values).toEqual(expected);
    },
  );
});

describe('inferTableSchema: names, types and references', () => {
  const row = (rowNumber: number, ...cells: string[]): TableRow => ({ rowNumber, cells });

  it('makes unique snake_case identifiers of at most 63 characters; the title keeps the header', () => {
    const long = 'Jumlah Penduduk Menurut Kelompok Umur dan Jenis Kelamin di Seluruh Kecamatan';
    const names = uniqueFieldNames([
      'Jumlah Penduduk',
      'jumlah penduduk',
      'Persentase (%)',
      '2024',
      '',
      long,
      long,
    ]);
    expect(names.slice(0, 5)).toEqual([
      'jumlah_penduduk',
      'jumlah_penduduk_2',
      'persentase_persen',
      'kolom_2024',
      'kolom_5',
    ]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(FIELD_NAME_PATTERN);
      expect(name.length).toBeLessThanOrEqual(63);
    }
    expect(fieldNameOf('Rata-rata Lama Sekolah (Tahun)', 1)).toBe('rata_rata_lama_sekolah_tahun');
    expect(fieldNameOf('Café Ñ', 1)).toBe('cafe_n');
    const schema = inferTableSchema(['Jumlah Penduduk'], [row(2, '1')]);
    expect(schema.fields[0]).toMatchObject({ name: 'jumlah_penduduk', title: 'Jumlah Penduduk' });
  });

  it('types booleans, year-months, codes with leading zeros, and optional columns', () => {
    const schema = inferTableSchema(
      ['aktif', 'periode', 'kode_sekolah', 'nilai', 'catatan'],
      [row(2, 'Ya', 'Jan-24', '0123', '1.234,5', ''), row(3, 'tidak', 'Februari 2024', '0456', '12', 'x')],
    );
    expect(schema.fields.map((f) => f.type)).toEqual(['boolean', 'yearmonth', 'string', 'number', 'string']);
    expect(schema.fields[4]?.constraints).toBeUndefined();
  });

  it('records the English number style of a column', () => {
    const schema = inferTableSchema(['nilai'], [row(2, '1,234.5'), row(3, '12.25')]);
    expect(schema.fields[0]).toMatchObject({ type: 'number', decimalChar: '.', groupChar: ',' });
  });

  it.each([
    ['kode_kec', ['35.20.01', '352002'], 'region:district'],
    ['kode_wilayah', ['3520', '35.21'], 'region:regency'],
    ['Kode Desa', ['3520012001', '35.20.01.2002'], 'region:village'],
    ['kode_prov', ['35', '33'], 'region:province'],
  ])('guesses a foreign key to a region level for %s', (header, values, reference) => {
    const schema = inferTableSchema(
      [header, 'tahun'],
      values.map((v, i) => row(i + 2, v, '2024')),
    );
    expect(schema.fields[0]?.type).toBe('string');
    expect(schema.foreignKeys).toEqual([
      { fields: schema.fields[0]?.name, reference: { resource: reference, fields: 'code' } },
    ]);
  });

  it('guesses no region key when levels are mixed or the name says nothing of regions', () => {
    expect(
      inferTableSchema(['kode_wilayah'], [row(2, '35.20'), row(3, '35.20.01')]).foreignKeys,
    ).toBeUndefined();
    expect(inferTableSchema(['nomor'], [row(2, '3520'), row(3, '3521')]).foreignKeys).toBeUndefined();
  });

  it('guesses no primary key when a code repeats or the table has several years', () => {
    expect(inferTableSchema(['kode'], [row(2, 'A'), row(3, 'A')]).primaryKey).toBeUndefined();
    expect(
      inferTableSchema(['kode', 'tahun'], [row(2, 'A', '2023'), row(3, 'B', '2024')]).primaryKey,
    ).toBeUndefined();
  });
});
