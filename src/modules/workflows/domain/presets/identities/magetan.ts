import type { SopIdentity } from '../../sop-identity.js';

/** Identity sheet of seed 001 (Diskominfo Kabupaten Magetan, 2024). */
export const MAGETAN_IDENTITY: SopIdentity = {
  header: ['PEMERINTAH KABUPATEN MAGETAN', 'DINAS KOMUNIKASI DAN INFORMATIKA'],
  name: 'Penyelenggaraan Kegiatan Statistik Sektoral',
  number: '500.14.4/1086 /403.113/2024',
  madeOn: 'Oktober 2024',
  revisedOn: '-',
  ratifiedOn: 'Oktober 2024',
  effectiveOn: null,
  ratifiedBy: [
    'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN MAGETAN',
    'CAHAYA WIJAYA, S.STP., M.Si',
    'Pembina Utama Muda',
    'NIP. 19760520 199511 1 001',
  ],
  legalBasis: [
    'PERATURAN PRESIDEN NOMOR 39 TAHUN 2019 TENTANG SATU DATA INDONESIA',
    'PERATURAN BUPATI MAGETAN NOMOR 1 TAHUN 2022 TENTANG SATU DATA MAGETAN',
    'PERATURAN BUPATI MAGETAN NOMOR 82 TAHUN 2020 TENTANG KEDUDUKAN, SUSUNAN ORGANISASI, TUGAS DAN FUNGSI, SERTA TATA KERJA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN MAGETAN',
    'PERATURAN KEPALA BADAN PUSAT STATISTIK NOMOR 9 TAHUN 2009 TENTANG PENYELENGGARAAN STATISTIK SEKTORAL DAN PEMERINTAH DAERAH',
    'KEPUTUSAN BUPATI MAGETAN NOMOR 188/207/Kept/403.013/2022 TENTANG PEMBENTUKAN FORUM SATU DATA KABUPATEN MAGETAN',
  ],
  qualifications: [
    'Memiliki pengetahuan tentang statistik',
    'Memiliki pengetahuan tentang mengolah data',
    'Memiliki pengetahuan tentang analisa data',
    'Memiliki keahlian teknologi informasi',
  ],
  relatedSops: ['SOP Penyusunan Metadata', 'SOP Rekomendasi Kegiatan Statistik Sektoral'],
  equipment: ['Komputer, Laptop', 'Internet'],
  warnings: [
    'Apabila SOP ini tidak dijalankan maka akan terjadi ketidaksesuaian kinerja dan hasil verifikasi',
  ],
  records: ['Disimpan dalam sistem informasi dan manual'],
  executors: ['Forum Satu Data', 'Koord. Satu Data', 'Pembina Data', 'Walidata', 'Produsen Data'],
};
