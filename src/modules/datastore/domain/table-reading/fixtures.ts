/**
 * Generates the table-reading fixtures at test time: one small population table written every
 * way item 1 of issue #4 lists (encodings, delimiters, number and date styles, title rows,
 * XLSX with a title and with a merged two-level header), and broken files for the error
 * cases. The repository keeps no binary fixtures; test/fixtures/tables/README.md says so.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Delimiter } from './detect-delimiter.js';
import { type ByteEncoding, type DateWriting, encodeText, type NumberWriting } from './fixture-formats.js';
import { POPULATION_COLUMNS, POPULATION_ROWS, writePopulationRow } from './fixture-table.js';
import { buildXlsx, XLSX_VARIANTS, type XlsxVariant } from './fixtures-xlsx.js';

export interface CsvVariant {
  name: string;
  encoding: ByteEncoding;
  delimiter: Delimiter;
  numbers: NumberWriting;
  dates: DateWriting;
  /** Title, source and blank lines above the header, and BPS's (1) (2) … row below it. */
  hasTitle?: boolean;
  lineEnding?: '\r\n' | '\n';
}

export const CSV_VARIANTS: readonly CsvVariant[] = [
  {
    name: 'utf8-comma-en-iso',
    encoding: 'utf-8',
    delimiter: ',',
    numbers: 'en',
    dates: 'iso',
    lineEnding: '\n',
  },
  { name: 'utf8-semicolon-id-slash', encoding: 'utf-8', delimiter: ';', numbers: 'id', dates: 'slash' },
  {
    name: 'utf8bom-semicolon-id-slash',
    encoding: 'utf-8-bom',
    delimiter: ';',
    numbers: 'id',
    dates: 'slash',
  },
  {
    name: 'cp1252-semicolon-id-slash',
    encoding: 'windows-1252',
    delimiter: ';',
    numbers: 'id',
    dates: 'slash',
  },
  {
    name: 'utf16le-bom-tab-id-slash',
    encoding: 'utf-16le-bom',
    delimiter: '\t',
    numbers: 'id',
    dates: 'slash',
  },
  { name: 'utf16le-tab-id-dash', encoding: 'utf-16le', delimiter: '\t', numbers: 'id', dates: 'dash' },
  { name: 'utf16be-bom-tab-en-iso', encoding: 'utf-16be-bom', delimiter: '\t', numbers: 'en', dates: 'iso' },
  { name: 'utf8-tab-idplain-dash', encoding: 'utf-8', delimiter: '\t', numbers: 'id-plain', dates: 'dash' },
  { name: 'utf8-pipe-enplain-iso', encoding: 'utf-8', delimiter: '|', numbers: 'en-plain', dates: 'iso' },
  { name: 'utf8-comma-id-longid', encoding: 'utf-8', delimiter: ',', numbers: 'id', dates: 'long-id' },
  {
    name: 'utf8-semicolon-idpercent-shortid',
    encoding: 'utf-8',
    delimiter: ';',
    numbers: 'id-percent',
    dates: 'short-id',
  },
  {
    name: 'utf8-semicolon-idaccounting-weekday',
    encoding: 'utf-8',
    delimiter: ';',
    numbers: 'id-accounting',
    dates: 'weekday-id',
  },
  { name: 'utf8-comma-en-longen', encoding: 'utf-8', delimiter: ',', numbers: 'en', dates: 'long-en' },
  {
    name: 'utf8-title-semicolon-id-slash',
    encoding: 'utf-8',
    delimiter: ';',
    numbers: 'id',
    dates: 'slash',
    hasTitle: true,
  },
  {
    name: 'cp1252-title-semicolon-id-longid',
    encoding: 'windows-1252',
    delimiter: ';',
    numbers: 'id',
    dates: 'long-id',
    hasTitle: true,
  },
  { name: 'utf8-semicolon-id-month', encoding: 'utf-8', delimiter: ';', numbers: 'id', dates: 'month-id' },
];

const width = POPULATION_COLUMNS.length;
const padded = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];

/** The CSV text of a variant, before encoding. */
export function buildCsvText(variant: CsvVariant): string {
  const rows: string[][] = [];
  if (variant.hasTitle) {
    rows.push(padded(['Jumlah Penduduk per Kecamatan di Kabupaten Magetan Tahun 2024']));
    rows.push(padded(['Sumber: Dinas Kependudukan dan Pencatatan Sipil']));
    rows.push(padded([]));
  }
  rows.push([...POPULATION_COLUMNS]);
  if (variant.hasTitle) rows.push(POPULATION_COLUMNS.map((_, i) => `(${i + 1})`));
  for (const data of POPULATION_ROWS) rows.push(writePopulationRow(data, variant.numbers, variant.dates));
  const newline = variant.lineEnding ?? '\r\n';
  return Papa.unparse(rows, { delimiter: variant.delimiter, newline }) + newline;
}

export interface FixtureFile {
  name: string;
  path: string;
  format: 'csv' | 'xlsx';
  /** Dates are written as months only (`Des-24`), so they read as `YYYY-MM`. */
  isMonthOnly: boolean;
}

/** Writes every CSV and XLSX variant into `dir`; returns where each went. */
export async function writeTableFixtures(dir: string): Promise<FixtureFile[]> {
  await mkdir(dir, { recursive: true });
  const files: FixtureFile[] = [];
  for (const variant of CSV_VARIANTS) {
    const path = join(dir, `${variant.name}.csv`);
    await writeFile(path, encodeText(buildCsvText(variant), variant.encoding));
    files.push({ name: variant.name, path, format: 'csv', isMonthOnly: variant.dates === 'month-id' });
  }
  for (const variant of XLSX_VARIANTS) files.push(await writeXlsxFixture(dir, variant));
  return files;
}

async function writeXlsxFixture(dir: string, variant: XlsxVariant): Promise<FixtureFile> {
  const path = join(dir, `${variant.name}.xlsx`);
  await writeFile(path, await buildXlsx(variant));
  return { name: variant.name, path, format: 'xlsx', isMonthOnly: false };
}
