import type { SopIdentity } from '../../sop-identity.js';

/** Identity sheet of seed 004 (Diskominfo Provinsi Maluku Utara, 2023). */
export const MALUKU_UTARA_IDENTITY: SopIdentity = {
  header: [
    'DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK',
    'PROVINSI MALUKU UTARA',
    'BIDANG PERSANDIAN DAN STATISTIK',
  ],
  name: 'Pengumpulan, analisis, pengelolaan dan diseminasi data statistik sektoral',
  number: '000.6/014.9/DKIP-MU/2023',
  madeOn: '1 Januari 2023',
  revisedOn: '-',
  ratifiedOn: null,
  effectiveOn: '1 Januari 2023',
  ratifiedBy: ['Kepala Dinas Komunikasi, Informatika dan Persandian'],
  legalBasis: [
    'Undang-undang Nomor 23 Tahun 2014 Tentang Pemerintah Daerah;',
    'Peraturan Pemerintah Nomor 41 Tahun 2007 Tentang OPD;',
    'Peraturan Presiden Nomor 39 tahun 2019 tentang satu data indonesia;',
    'Peraturan BPS Nomor 4 tahun 2019 tentang penyelenggaraan statistik sektoral oleh Pemerintah daerah;',
    'PERDA Provinsi Maluku Utara Nomor 5 tahun 2016 tentang pembentukan dan Susunan Perangkat Daerah Provinsi Maluku Utara',
    'PERGUB Maluku Utara nomor 49 tahun 2021 tentang organisasi dan tata kerja Dinas Komunikasi Informatika dan Persandian Provinsi maluku Utara;',
    'PERGUB Maluku Utara nomor 40 tahun 2022 tentang Satu Data Provinsi maluku Utara',
  ],
  qualifications: [
    'Kepala Dinas',
    'Kepala Bidang Persandian dan Statistik',
    'Kepala Seksi Pengelolaan Statistik Sektoral',
    'Staf',
    'Produsen data/OPD terkait',
  ],
  relatedSops: ['SOP Pengumpulan Data'],
  equipment: ['Komputer & Printer', 'ATK', 'Aplikasi', 'Server', 'Jaringan Internet', 'Telepon;'],
  warnings: [
    'Apabila Pengumpulan, analisis, pengelolaan dan diseminasi data statistik sektoral tidak terlaksana dengan efektif akan berpengaruh pada hasil kinerja OPD.',
  ],
  records: [
    'pelaksanaan Pengumpulan, analisis, pengelolaan dan diseminasi data statistik sektoral dilaksanakan dua kali dalam setahun..',
  ],
  executors: [
    'Produsen Data/OPD',
    'Kasie Statistik',
    'Kepala Bidang Persandian dan Statistik',
    'kepala Dinas',
    'STAF',
  ],
};
