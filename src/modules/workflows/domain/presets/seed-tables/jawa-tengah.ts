import { row, type SeedTable } from './types.js';

/**
 * 000_d7c36ee3170075eb.txt, Pelaksanaan Forum Data (Diskominfo Provinsi Jawa Tengah). Only the
 * "Mulai" terminator of row 1 survived the extraction (in the Staf column); row 4's Mutu Baku
 * cells are blank in the seed.
 */
export const JAWA_TENGAH_TABLE: SeedTable = {
  seed: '000_d7c36ee3170075eb.txt',
  presetKey: 'jawa-tengah-forum-data',
  name: 'Pelaksanaan Forum Data',
  executors: ['Staf', 'Kasi', 'Kabid', 'Ka Dinas'],
  rows: [
    row('1', 'Menyusun Rencana Kegiatan (KAK)', 'Staf', ['RKA', 'RAB', 'Schedule'], '2 Minggu', [
      'RKA',
      'RAB',
    ]),
    row(
      '2',
      'Membuat Surat Permintaan personil wali data dari OPD dan Kab/Kota',
      null,
      ['Pergub No 52 Tahun 2016'],
      '1 Minggu',
      ['Surat Permintaan personil ke OPD & Kab/Kota'],
    ),
    row(
      '3',
      'Mengirimkan Surat Permintaan Personil Wali Data Ke OPD dan Kab/Kota',
      null,
      ['Pergub No 52 Tahun 2016'],
      '1 Hari',
      ['Surat Permintaan personil ke OPD & Kab/Kota'],
    ),
    row('4', 'Membuat SK Gubernur tentang Wali Data OPD dan Kab/Kota', null, [], null, []),
    row(
      '5',
      'Melakukan Sosialisasi Forum Data dan menyusun Rencana Kerja Tim Wali Data.',
      null,
      ['Data Statistik Sektoral'],
      '1 Hari',
      ['List Data Statistik sektoral per OPD dan Kab/Kota'],
    ),
    row(
      '6',
      'Pengumpulan, Pengolahan dan analisis data',
      null,
      ['List Data Statistik sektoral per OPD dan Kab/Kota'],
      '8 Bulan',
      ['Data Statistik sektoral OPD & Kab/Kota'],
    ),
    row(
      '7',
      'Forum Data dgn BPS, Bappeda, OPD Prov dan Kab/Kota',
      null,
      ['Data Statistik sektoral per OPD dan Kab/Kota'],
      '4 hari',
      ['Notulensi Forum Data'],
    ),
    row(
      '8',
      'Verifikasi dan validasi data secara teknis dgn OPD dan Kab/kota',
      null,
      ['Data Statistik sektoral'],
      '5 Hari',
      ['Data Statistik Sektoral'],
    ),
    row('9', 'Data Statistik Sektoral yg sudah final', null, ['Data Statistik sektoral'], '3 Hari', [
      'Data Statistik sektoral Final',
    ]),
    row('10', 'Publikasi Data Statistik Sektoral ke Website', null, ['Data Statistik sektoral'], '2 Minggu', [
      'Data Statistik Final di website',
    ]),
    row(
      '11',
      'Publikasi Data melalui penggandaan Buku',
      null,
      ['Data Statistik sectoral dan analisisnya'],
      '4 Minggu',
      ['Buku Data Statistik Sektoral'],
    ),
  ],
};
