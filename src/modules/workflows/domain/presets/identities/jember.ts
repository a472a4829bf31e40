import type { SopIdentity } from '../../sop-identity.js';

/** Identity sheet of seed 002 (Bappeda Kabupaten Jember, 2024); revision and effective dates are blank. */
export const JEMBER_IDENTITY: SopIdentity = {
  header: ['BADAN PERENCANAAN DAN PEMBANGUNAN DAERAH KABUPATEN JEMBER'],
  name: 'Perencanaan dan penyelenggaraan Kegiatan Statistik Satu Data Indonesia Kabupaten Jember',
  number: '067/ 248 /35.09.411/2024',
  madeOn: '26 Januari 2024',
  revisedOn: null,
  ratifiedOn: null,
  effectiveOn: null,
  ratifiedBy: [
    'Kepala Bappeda Kabupaten Jember',
    'Arief Tyahyono, S.E.',
    'Pembina Utama Muda',
    'NIP. 19661015 199602 1 001',
  ],
  legalBasis: [
    'Peraturan Pemerintah 51 Nomor Tahun 1999 tentang Penyelenggaraan Statistik (Lembaran Negara Republik Indonesia Tahun 1999 Nomor 96, Tambahan Lembaran Negara Republik Indonesia Nomor 3854);',
    'Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia (Lembaran Negara Republik Indonesia Tahun 2019 Nomor 112);',
    'Peraturan Menteri Perencanaan Pembangunan Nasional/Kepala Badan Perencanaan Pembangunan Nasional Nomor 17 Tahun 2020 tentang Pengelolaan Portal Satu Data Indonesia;',
    'Peraturan Gubernur Jawa Timur Nomor 81 Tahun 2020 tentang Satu Data Provinsi Jawa Timur;',
    'Peraturan Bupati Nomor 9 Tahun 2022 tentang Satu Data Indonesia Kabupaten Jember.',
  ],
  qualifications: [
    'Memiliki kemampuan dalam melaksanakan survey/pendataan.',
    'Memiliki kemampuan memahami Satu Data Indonesia Kabupaten Jember;',
    'Memiliki kemampuan teknis dalam pemanfaatan data dan informasi secara elektronik.',
  ],
  relatedSops: [
    'SOP pengolahan data pada penyelenggaraan Satu Data Indonesia Kabupaten Jember;',
    'SOP Manajemen Data pada Penyelenggaraan Satu Data Indonesia Kabupaten Jember',
  ],
  equipment: ['Komputer dan ATK', 'Akses Internet', 'Media Penyimpanan Data'],
  warnings: [
    'Apabila SOP Perencanaan dan penyelenggaraan kegiatan statistik SDI Kabupaten Jember tidak dilakukan berakibat informasi yang dihasilkan tidak bisa menjadi rujukan.',
  ],
  records: ['Disimpan dalam bentuk softcopy dan hardcopy'],
  executors: [
    'Sekretariat Satu Data',
    'Walidata Tingkat Daerah',
    'Pembina Data Statistik',
    'Forum Satu Data Indonesia',
    'Produsen Data',
  ],
};
