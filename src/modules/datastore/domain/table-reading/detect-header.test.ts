import { describe, expect, it } from 'vitest';
import { detectHeader, headerAtRow, type RawRow } from './detect-header.js';

/** Rows from cell lists, numbered from 1 as a file numbers them. */
function rows(...cells: string[][]): RawRow[] {
  return cells.map((row, i) => ({ rowNumber: i + 1, cells: row }));
}

const DATA = [
  ['3520010', 'Poncol', '2024', '32.451'],
  ['3520020', 'Parang', '2024', '45.012'],
];

describe(detectHeader.name, () => {
  it('takes the first row when the table starts at the top', () => {
    expect(detectHeader(rows(['kode', 'nama', 'tahun', 'jumlah'], ...DATA))).toEqual({
      columns: ['kode', 'nama', 'tahun', 'jumlah'],
      headerRowNumbers: [1],
      firstColumn: 0,
      bodyStart: 1,
    });
  });

  it('skips title, source and blank rows above the header', () => {
    const layout = detectHeader(
      rows(
        ['Jumlah Penduduk per Kecamatan, 2024', '', '', ''],
        ['Sumber: Dukcapil', '', '', ''],
        ['', '', '', ''],
        ['kode', 'nama', 'tahun', 'jumlah'],
        ...DATA,
      ),
    );
    expect(layout).toMatchObject({
      columns: ['kode', 'nama', 'tahun', 'jumlah'],
      headerRowNumbers: [4],
      bodyStart: 4,
    });
  });

  it('skips the BPS column-number row under the header', () => {
    const layout = detectHeader(
      rows(['kode', 'nama', 'tahun', 'jumlah'], ['(1)', '(2)', '(3)', '(4)'], ...DATA),
    );
    expect(layout).toMatchObject({ headerRowNumbers: [1, 2], bodyStart: 2 });
  });

  it('names the columns under a merged group "group sub"', () => {
    const layout = detectHeader(
      rows(
        ['Jumlah Penduduk menurut Jenis Kelamin', '', '', '', ''],
        ['Kecamatan', 'Jumlah Penduduk', '', 'Rasio', 'Keterangan'],
        ['', 'Laki-laki', 'Perempuan', '', ''],
        ['Poncol', '16.000', '16.451', '97,3', 'ada'],
        ['Parang', '22.000', '23.012', '95,6', 'ada'],
      ),
    );
    expect(layout).toMatchObject({
      columns: ['Kecamatan', 'Jumlah Penduduk Laki-laki', 'Jumlah Penduduk Perempuan', 'Rasio', 'Keterangan'],
      headerRowNumbers: [2, 3],
      bodyStart: 3,
    });
  });

  it('drops empty columns left of a table that starts in column B', () => {
    const layout = detectHeader(rows(['', 'kode', 'nama', 'tahun', 'jumlah'], ['', ...(DATA[0] ?? [])]));
    expect(layout).toMatchObject({ columns: ['kode', 'nama', 'tahun', 'jumlah'], firstColumn: 1 });
  });

  it('accepts years as column names', () => {
    const layout = detectHeader(
      rows(['Kecamatan', '2022', '2023', '2024'], ['Poncol', '31.002', '31.870', '32.451']),
    );
    expect(layout?.columns).toEqual(['Kecamatan', '2022', '2023', '2024']);
  });

  it('collapses line breaks inside a header cell', () => {
    const layout = detectHeader(rows(['kode', 'jumlah\npenduduk  (jiwa)'], ['1', '32.451']));
    expect(layout?.columns).toEqual(['kode', 'jumlah penduduk (jiwa)']);
  });

  it('finds the header of a header-only table and of an all-text table', () => {
    expect(detectHeader(rows(['Judul'], ['kode', 'nama', 'alamat']))?.headerRowNumbers).toEqual([2]);
    expect(
      detectHeader(rows(['nama', 'alamat'], ['Dinas Kominfo', 'Jl. Samudra']))?.headerRowNumbers,
    ).toEqual([1]);
  });

  it('finds no header when the data starts at the top', () => {
    expect(detectHeader(rows(...DATA))).toBeUndefined();
    expect(detectHeader([])).toBeUndefined();
  });
});

describe(headerAtRow.name, () => {
  it('uses the row it is told to, however it looks', () => {
    expect(headerAtRow(rows(['a', 'b'], ['1', '2']), 2)).toMatchObject({ columns: ['1', '2'], bodyStart: 2 });
    expect(headerAtRow(rows(['a', 'b']), 5)).toBeUndefined();
  });
});
