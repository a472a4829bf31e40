/**
 * The small population table that every generated fixture holds, and how one row of it is
 * written in a given number and date style.
 */
import { type DateWriting, formatDate, formatNumber, type NumberWriting } from './fixture-formats.js';

/** The columns of the population table, as its header names them. */
export const POPULATION_COLUMNS = [
  'kode_kecamatan',
  'nama_kecamatan',
  'tahun',
  'jumlah_penduduk',
  'persentase',
  'tanggal_update',
] as const;

export interface PopulationRow {
  kodeKecamatan: string;
  namaKecamatan: string;
  tahun: number;
  jumlahPenduduk: number;
  persentase: number;
  /** ISO date. */
  tanggalUpdate: string;
}

/**
 * The table every variant holds. Names carry a comma (quoting), an en dash and an é (both
 * Windows-1252 bytes above 0x7F); numbers need thousands and decimals; dates include 29 Feb.
 */
export const POPULATION_ROWS: readonly PopulationRow[] = [
  row('3520010', 'Poncol', 32451, 12.5, '2024-12-31'),
  row('3520020', 'Parang', 45012, 7.25, '2024-01-05'),
  row('3520030', 'Plaosan – Sarangan Café', 1234567, 100, '2024-02-29'),
  row('3520040', 'Magetan, Kota', 48003, 0.75, '2024-06-30'),
  row('3520050', 'Lembeyan', 29870, -3.25, '2024-08-17'),
  row('3520060', 'Takeran', 1000, 33.333, '2024-10-01'),
];

function row(kode: string, nama: string, jumlah: number, persen: number, tanggal: string): PopulationRow {
  return {
    kodeKecamatan: kode,
    namaKecamatan: nama,
    tahun: 2024,
    jumlahPenduduk: jumlah,
    persentase: persen,
    tanggalUpdate: tanggal,
  };
}

/** One table row as a variant writes it. */
export function writePopulationRow(
  data: PopulationRow,
  numbers: NumberWriting,
  dates: DateWriting,
): string[] {
  const percentWriting = numbers === 'id-percent' ? 'id-percent' : numbers;
  const countWriting = numbers === 'id-percent' || numbers === 'id-accounting' ? 'id' : numbers;
  return [
    data.kodeKecamatan,
    data.namaKecamatan,
    String(data.tahun),
    formatNumber(data.jumlahPenduduk, countWriting),
    formatNumber(data.persentase, percentWriting),
    formatDate(data.tanggalUpdate, dates),
  ];
}
