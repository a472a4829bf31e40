import { field as f } from './field-builder.js';
import type { FormField } from './form.js';
import {
  ACTIVITY_FREQUENCIES,
  ACTIVITY_KINDS,
  COLLECTION_TYPES,
  COLLECTION_WAYS,
  COVERAGE,
  INSTRUMENTS,
  METHODS,
  REPEAT,
  UNITS,
} from './ms-keg-vocabularies.js';

const schedule = (no: string, key: string, id: string, en: string) => [
  f('perencanaan', `${no}`, `jadwal_${key}_mulai`, [`${id} – Tanggal Mulai`, `${en} – start date`], 'date'),
  f('perencanaan', `${no}`, `jadwal_${key}_selesai`, [`${id} – Tanggal Selesai`, `${en} – end date`], 'date'),
];

/** MS-Keg questions of the identity block and blocks I–IV, in BPS's order. */
export const MS_KEG_FIELDS_A: FormField[] = [
  f('identitas', '', 'judul_kegiatan', ['Judul Kegiatan', 'Activity title'], 'text', {
    required: true,
    help: ['Nama kegiatan statistik, tanpa tahun.', 'Name of the statistical activity, without the year.'],
  }),
  f('identitas', '', 'tahun_kegiatan', ['Tahun Kegiatan', 'Activity year'], 'year', {
    required: true,
    help: ['Tahun pelaksanaan yang dilaporkan.', 'Year of the round being reported.'],
  }),
  f('identitas', '', 'cara_pengumpulan', ['Cara Pengumpulan Data', 'Data collection method'], 'choice', {
    required: true,
    choices: COLLECTION_WAYS,
  }),
  f('identitas', '', 'sektor_kegiatan', ['Sektor Kegiatan', 'Activity sector'], 'text', {
    required: true,
    help: ['Urusan pemerintahan, mis. Kesehatan.', 'Government affair, e.g. Health.'],
  }),
  f('identitas', '', 'jenis_kegiatan', ['Jenis Kegiatan Statistik', 'Kind of statistics'], 'choice', {
    required: true,
    choices: ACTIVITY_KINDS,
  }),
  f(
    'penyelenggara',
    '1.1',
    'instansi_penyelenggara',
    ['Instansi Penyelenggara', 'Organising agency'],
    'text',
    {
      required: true,
    },
  ),
  f(
    'penyelenggara',
    '1.2',
    'alamat_instansi',
    ['Alamat Lengkap Instansi Penyelenggara', 'Agency address'],
    'textarea',
    {
      required: true,
    },
  ),
  f('penyelenggara', '1.2', 'telepon_instansi', ['Telepon', 'Telephone'], 'text'),
  f('penyelenggara', '1.2', 'email_instansi', ['Email', 'Email'], 'email'),
  f('penyelenggara', '1.2', 'faksimile_instansi', ['Faksimile', 'Fax'], 'text'),
  f(
    'penanggung_jawab',
    '2.1',
    'eselon_1',
    ['Unit Eselon Penanggung Jawab – Eselon 1', 'Responsible unit – echelon 1'],
    'text',
    {
      required: true,
      help: ['Mis. Kepala Dinas.', 'E.g. head of the agency.'],
    },
  ),
  f(
    'penanggung_jawab',
    '2.1',
    'eselon_2',
    ['Unit Eselon Penanggung Jawab – Eselon 2', 'Responsible unit – echelon 2'],
    'text',
  ),
  f(
    'penanggung_jawab',
    '2.2',
    'pj_teknis_nama',
    ['Penanggung Jawab Teknis – Nama', 'Technical lead – name'],
    'text',
    {
      required: true,
    },
  ),
  f(
    'penanggung_jawab',
    '2.2',
    'pj_teknis_jabatan',
    ['Penanggung Jawab Teknis – Jabatan', 'Technical lead – position'],
    'text',
  ),
  f('penanggung_jawab', '2.2', 'pj_alamat', ['Alamat', 'Address'], 'textarea'),
  f('penanggung_jawab', '2.2', 'pj_telepon', ['Telepon', 'Telephone'], 'text'),
  f('penanggung_jawab', '2.2', 'pj_email', ['Email', 'Email'], 'email', { required: true }),
  f('penanggung_jawab', '2.2', 'pj_faksimile', ['Faksimile', 'Fax'], 'text'),
  f('perencanaan', '3.1', 'latar_belakang', ['Latar Belakang Kegiatan', 'Background'], 'textarea', {
    required: true,
  }),
  f('perencanaan', '3.2', 'tujuan', ['Tujuan Kegiatan', 'Objectives'], 'textarea', { required: true }),
  ...schedule('3.3', 'perencanaan', 'Perencanaan Kegiatan', 'Activity planning'),
  ...schedule('3.3', 'desain', 'Desain', 'Design'),
  ...schedule('3.3', 'pengumpulan', 'Pengumpulan Data', 'Data collection'),
  ...schedule('3.3', 'pengolahan', 'Pengolahan Data', 'Processing'),
  ...schedule('3.3', 'analisis', 'Analisis', 'Analysis'),
  ...schedule('3.3', 'diseminasi', 'Diseminasi Hasil', 'Dissemination'),
  ...schedule('3.3', 'evaluasi', 'Evaluasi', 'Evaluation'),
  f(
    'desain_kegiatan',
    '4.1',
    'variabel_dikumpulkan',
    ['Variabel (Karakteristik) yang Dikumpulkan', 'Variables collected'],
    'list',
    {
      required: true,
      help: ['Satu variabel per baris.', 'One variable per line.'],
    },
  ),
  f(
    'desain_kegiatan',
    '4.2',
    'kegiatan_dilakukan',
    ['Kegiatan Ini Dilakukan', 'This activity is carried out'],
    'choice',
    {
      required: true,
      choices: REPEAT,
    },
  ),
  f('desain_kegiatan', '4.3', 'frekuensi', ['Frekuensi Penyelenggaraan', 'Frequency'], 'choice', {
    choices: ACTIVITY_FREQUENCIES,
    help: ['Diisi jika kegiatan berulang.', 'For repeated activities.'],
  }),
  f(
    'desain_kegiatan',
    '4.4',
    'tipe_pengumpulan',
    ['Tipe Pengumpulan Data', 'Type of data collection'],
    'choice',
    {
      choices: COLLECTION_TYPES,
    },
  ),
  f(
    'desain_kegiatan',
    '4.5',
    'cakupan_wilayah',
    ['Cakupan Wilayah Pengumpulan Data', 'Geographic coverage'],
    'choice',
    {
      required: true,
      choices: COVERAGE,
    },
  ),
  f(
    'desain_kegiatan',
    '4.6',
    'wilayah_kegiatan',
    [
      'Jika Sebagian Wilayah Indonesia, Provinsi dan Kabupaten/Kota',
      'If part of Indonesia: provinces and regencies',
    ],
    'list',
    {
      help: ['Nama atau kode wilayah, satu per baris.', 'Region names or codes, one per line.'],
    },
  ),
  f(
    'desain_kegiatan',
    '4.7',
    'metode_pengumpulan',
    ['Metode Pengumpulan Data', 'Collection method'],
    'multi',
    {
      required: true,
      choices: METHODS,
    },
  ),
  f(
    'desain_kegiatan',
    '4.8',
    'sarana_pengumpulan',
    ['Sarana Pengumpulan Data', 'Collection instrument'],
    'multi',
    {
      choices: INSTRUMENTS,
    },
  ),
  f('desain_kegiatan', '4.9', 'unit_pengumpulan', ['Unit Pengumpulan Data', 'Collection unit'], 'multi', {
    required: true,
    choices: UNITS,
  }),
];
