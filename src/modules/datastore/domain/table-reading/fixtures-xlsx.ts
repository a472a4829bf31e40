/**
 * XLSX fixtures, written with exceljs's writer at test time: the population table with real
 * number and date cells, behind a title and a notes sheet, typed as Indonesian text, and
 * under a merged two-level header.
 */
import ExcelJS from 'exceljs';
import {
  POPULATION_COLUMNS,
  POPULATION_ROWS,
  type PopulationRow,
  writePopulationRow,
} from './fixture-table.js';

export interface XlsxVariant {
  name: string;
  /**
   * plain: header in row 1, typed cells · title: a notes sheet and a hidden sheet first, then
   * title rows, a table starting in column B, percent and date formats · text: every cell
   * typed as Indonesian text · merged: a merged two-level header ("Jumlah Penduduk" over
   * "Laki-laki" and "Perempuan").
   */
  layout: 'plain' | 'title' | 'text' | 'merged';
}

export const XLSX_VARIANTS: readonly XlsxVariant[] = [
  { name: 'xlsx-plain', layout: 'plain' },
  { name: 'xlsx-title', layout: 'title' },
  { name: 'xlsx-text', layout: 'text' },
  { name: 'xlsx-merged', layout: 'merged' },
];

/** The column names the merged two-level header must read as. */
export const MERGED_HEADER_COLUMNS = [
  'Kode Kecamatan',
  'Nama Kecamatan',
  'Tahun',
  'Jumlah Penduduk Laki-laki',
  'Jumlah Penduduk Perempuan',
  'Persentase',
  'Tanggal Update',
] as const;

/** Men in the merged fixture's split of the population; women are the rest. */
export function menOf(data: PopulationRow): number {
  return Math.floor(data.jumlahPenduduk / 2);
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function typedCells(data: PopulationRow, percentAsFraction: boolean): ExcelJS.CellValue[] {
  return [
    data.kodeKecamatan,
    data.namaKecamatan,
    data.tahun,
    data.jumlahPenduduk,
    percentAsFraction ? data.persentase / 100 : data.persentase,
    utcDate(data.tanggalUpdate),
  ];
}

function addTypedTable(
  sheet: ExcelJS.Worksheet,
  firstRow: number,
  firstColumn: number,
  isPercent: boolean,
): void {
  const header = sheet.getRow(firstRow);
  POPULATION_COLUMNS.forEach((name, i) => {
    header.getCell(firstColumn + i).value = name;
  });
  POPULATION_ROWS.forEach((data, r) => {
    const row = sheet.getRow(firstRow + 1 + r);
    typedCells(data, isPercent).forEach((value, i) => {
      row.getCell(firstColumn + i).value = value;
    });
    row.getCell(firstColumn + 3).numFmt = '#,##0';
    row.getCell(firstColumn + 4).numFmt = isPercent ? '0.000%' : '0.00';
    row.getCell(firstColumn + 5).numFmt = isPercent ? 'd mmmm yyyy' : 'dd/mm/yyyy';
  });
}

function buildTitleLayout(book: ExcelJS.Workbook): void {
  const notes = book.addWorksheet('Petunjuk');
  notes.addRow(['Isi tabel pada lembar "Penduduk 2024".']);
  notes.addRow(['Angka memakai titik sebagai pemisah ribuan.']);
  const reference = book.addWorksheet('Referensi', { state: 'hidden' });
  reference.addRow(['kode', 'nama']);
  reference.addRow(['3520', 'Magetan']);
  const sheet = book.addWorksheet('Penduduk 2024');
  sheet.getCell('B1').value = 'Jumlah Penduduk per Kecamatan di Kabupaten Magetan Tahun 2024';
  sheet.mergeCells('B1:G1');
  sheet.getCell('B2').value = 'Sumber: Dinas Kependudukan dan Pencatatan Sipil';
  addTypedTable(sheet, 4, 2, true);
}

function buildMergedLayout(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet('Penduduk');
  sheet.getCell('A1').value = 'Jumlah Penduduk menurut Jenis Kelamin, 2024';
  sheet.mergeCells('A1:G1');
  sheet.getRow(3).values = [
    'Kode Kecamatan',
    'Nama Kecamatan',
    'Tahun',
    'Jumlah Penduduk',
    null,
    'Persentase',
    'Tanggal Update',
  ];
  sheet.getRow(4).values = [null, null, null, 'Laki-laki', 'Perempuan', null, null];
  for (const range of ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4', 'G3:G4']) sheet.mergeCells(range);
  POPULATION_ROWS.forEach((data, r) => {
    const men = menOf(data);
    const [kode, nama, tahun, , persen, tanggal] = typedCells(data, false);
    sheet.getRow(5 + r).values = [kode, nama, tahun, men, data.jumlahPenduduk - men, persen, tanggal];
    sheet.getCell(5 + r, 7).numFmt = 'dd/mm/yyyy';
  });
}

/** The bytes of one XLSX variant. */
export async function buildXlsx(variant: XlsxVariant): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  if (variant.layout === 'plain') addTypedTable(book.addWorksheet('Data'), 1, 1, false);
  if (variant.layout === 'title') buildTitleLayout(book);
  if (variant.layout === 'merged') buildMergedLayout(book);
  if (variant.layout === 'text') {
    const sheet = book.addWorksheet('Data');
    sheet.addRow([...POPULATION_COLUMNS]);
    for (const data of POPULATION_ROWS) sheet.addRow(writePopulationRow(data, 'id', 'slash'));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
