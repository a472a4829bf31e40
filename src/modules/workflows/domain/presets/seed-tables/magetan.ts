import { row, type SeedTable } from './types.js';

/**
 * 001_a9073a696656668d.txt, Penyelenggaraan Kegiatan Statistik Sektoral (Diskominfo Kabupaten
 * Magetan). Rows 1 and 2 hold two and three activities (1, 1b; 2, 2b, 2c as SOPS.md numbers
 * them). The table's shapes are lost; the executors of 1b and 2 come from the service
 * standard's flow ("FORUM SATU DATA 1 Kesepakatan Daftar", "PEMBINA DATA 2 Rekomendasi").
 * Row 1's output and row 1b's time are blank in the seed.
 */
export const MAGETAN_TABLE: SeedTable = {
  seed: '001_a9073a696656668d.txt',
  presetKey: 'magetan-statistik-sektoral',
  name: 'Penyelenggaraan Kegiatan Statistik Sektoral',
  executors: ['Forum Satu Data', 'Koord. Satu Data', 'Pembina Data', 'Walidata', 'Produsen Data'],
  rows: [
    row(
      '1',
      'Menyusun dan menetapkan daftar data (termasuk didalamnya daftar data prioritas). Perangkat Daerah selaku produsen data memeriksa ketersediaan data dan mengajukan daftar data yang akan dikumpulkan',
      'Produsen Data',
      ['Draft Daftar Data'],
      '2 hari',
      [],
    ),
    row('1b', 'Menyepakati daftar data', 'Forum Satu Data', ['Draft Daftar Data'], null, [
      'BA Forum Satu Data',
      'Kesepakatan Daftar Data',
    ]),
    row(
      '2',
      'Memberikan rekomendasi dan pembinaan dalam pengumpulan data',
      'Pembina Data',
      ['Romantik Online', 'Kesepakatan Daftar Data'],
      '7 hari',
      ['Surat Rekomendasi Kegiatan Statistik Sektoral Perangkat Daerah'],
    ),
    row(
      '2b',
      'Mengumpulkan data sesuai Prinsip SDI (Memiliki Standar Data, Metadata, Memenuhi Kaidah Interoperabilitas, dan Merapkan Kaidah Kode Referensi)',
      null,
      ['Surat Rekomendasi Kegiatan Statistik Sektoral Perangkat Daerah', 'Kesepakatan Daftar Data'],
      '14 hari',
      ['Data sesuai dengan Prinsip SDI'],
    ),
    row(
      '2c',
      'Mengunggah data pada portal Satu Data Magetan (https://dasatama.mageatan.go.id/)',
      null,
      ['Data sesuai dengan Prinsip SDI', 'Template data sektoral masing-masing OPD'],
      '3 hari',
      [
        'Data pada portal Satu Data Magetan (https://dasatama.mageatan.go.id/)',
        'Lembar Kerja Metadata & SDS',
      ],
    ),
    row(
      '3',
      'Walidata memeriksa data yang sudah diunggah oleh Produsen Data mencakup kesesuaian dengan Prinsip SDI dan kevalidan Data',
      'Walidata',
      ['Data pada portal Satu Data Magetan', 'Lembar Kerja Metadata & SDS'],
      '1 hari',
      ['Laporan pemeriksaan/verifikasi'],
    ),
    row('4', 'Menyebarkan Data', null, ['Data final yang sudah sesuai dengan Prinsip SDI'], '1 hari', [
      'Infografis atau bentuk publikasi lainnya dan data set pada portal Satu Data Magetan',
    ]),
  ],
};
