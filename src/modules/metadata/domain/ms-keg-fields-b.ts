import { field as f } from './field-builder.js';
import { type FormField, YES_NO } from './form.js';
import {
  ANALYSIS,
  DESIGNS,
  EDUCATION,
  ENUMERATORS,
  ESTIMATION_LEVELS,
  FRAMES,
  PRODUCTS,
  QUALITY_CHECKS,
  SAMPLING,
  SELECTION,
  UNITS,
} from './ms-keg-vocabularies.js';

/** MS-Keg questions of blocks V–VIII, in BPS's order. */
export const MS_KEG_FIELDS_B: FormField[] = [
  f(
    'desain_sampel',
    '5.1',
    'jenis_rancangan_sampel',
    ['Jenis Rancangan Sampel', 'Sample design type'],
    'choice',
    {
      choices: DESIGNS,
      help: ['Blok V diisi jika cara pengumpulan data adalah survei.', 'Block V applies to surveys.'],
    },
  ),
  f(
    'desain_sampel',
    '5.2',
    'metode_pemilihan_sampel',
    ['Metode Pemilihan Sampel Tahap Akhir', 'Final-stage sample selection'],
    'choice',
    {
      choices: SELECTION,
    },
  ),
  f(
    'desain_sampel',
    '5.3',
    'metode_sampel',
    ['Metode Sampel yang Digunakan', 'Sampling method used'],
    'choice',
    {
      choices: SAMPLING,
    },
  ),
  f(
    'desain_sampel',
    '5.4',
    'kerangka_sampel',
    ['Kerangka Sampel Tahap Akhir', 'Final-stage sampling frame'],
    'choice',
    {
      choices: FRAMES,
    },
  ),
  f(
    'desain_sampel',
    '5.5',
    'fraksi_sampel',
    ['Fraksi Sampel Keseluruhan', 'Overall sampling fraction'],
    'text',
  ),
  f(
    'desain_sampel',
    '5.6',
    'sampling_error',
    ['Nilai Perkiraan Sampling Error Variabel Utama', 'Expected sampling error of the main variable'],
    'text',
  ),
  f('desain_sampel', '5.7', 'unit_sampel', ['Unit Sampel', 'Sampling unit'], 'text'),
  f('desain_sampel', '5.8', 'unit_observasi', ['Unit Observasi', 'Observation unit'], 'text'),
  f(
    'penjaminan_kualitas',
    '6.1',
    'uji_coba',
    ['Apakah Melakukan Uji Coba (Pilot Survey)?', 'Was a pilot survey carried out?'],
    'choice',
    {
      choices: YES_NO,
    },
  ),
  f(
    'penjaminan_kualitas',
    '6.2',
    'metode_pemeriksaan_kualitas',
    ['Metode Pemeriksaan Kualitas Pengumpulan Data', 'Quality checks of data collection'],
    'multi',
    {
      choices: QUALITY_CHECKS,
    },
  ),
  f(
    'penjaminan_kualitas',
    '6.3',
    'penyesuaian_nonrespon',
    ['Apakah Melakukan Penyesuaian Nonrespon?', 'Was nonresponse adjusted for?'],
    'choice',
    {
      choices: YES_NO,
    },
  ),
  f(
    'penjaminan_kualitas',
    '6.4',
    'petugas_pengumpulan',
    ['Petugas Pengumpulan Data', 'Data collectors'],
    'choice',
    {
      choices: ENUMERATORS,
    },
  ),
  f(
    'penjaminan_kualitas',
    '6.5',
    'pendidikan_petugas',
    ['Persyaratan Pendidikan Terendah Petugas Pengumpulan Data', 'Minimum education of data collectors'],
    'choice',
    {
      choices: EDUCATION,
    },
  ),
  f(
    'penjaminan_kualitas',
    '6.6',
    'jumlah_supervisor',
    ['Jumlah Petugas – Supervisor/Penyelia/Pengawas', 'Number of supervisors'],
    'number',
  ),
  f(
    'penjaminan_kualitas',
    '6.6',
    'jumlah_pengumpul',
    ['Jumlah Petugas – Pengumpul Data/Enumerator', 'Number of enumerators'],
    'number',
  ),
  f(
    'penjaminan_kualitas',
    '6.7',
    'pelatihan_petugas',
    ['Apakah Melakukan Pelatihan Petugas?', 'Were collectors trained?'],
    'choice',
    {
      choices: YES_NO,
    },
  ),
  f(
    'pengolahan',
    '7.1',
    'penyuntingan',
    ['Tahapan Pengolahan Data – Penyuntingan (Editing)', 'Processing – editing'],
    'choice',
    {
      choices: YES_NO,
    },
  ),
  f(
    'pengolahan',
    '7.1',
    'penyandian',
    ['Tahapan Pengolahan Data – Penyandian (Coding)', 'Processing – coding'],
    'choice',
    {
      choices: YES_NO,
    },
  ),
  f(
    'pengolahan',
    '7.1',
    'data_entry',
    ['Tahapan Pengolahan Data – Data Entry/Capturing', 'Processing – data entry'],
    'choice',
    {
      choices: YES_NO,
    },
  ),
  f(
    'pengolahan',
    '7.1',
    'validasi',
    ['Tahapan Pengolahan Data – Penyahihan (Validasi)', 'Processing – validation'],
    'choice',
    {
      choices: YES_NO,
    },
  ),
  f('pengolahan', '7.2', 'metode_analisis', ['Metode Analisis', 'Analysis method'], 'choice', {
    required: true,
    choices: ANALYSIS,
  }),
  f('pengolahan', '7.3', 'unit_analisis', ['Unit Analisis', 'Unit of analysis'], 'multi', {
    required: true,
    choices: UNITS,
  }),
  f(
    'pengolahan',
    '7.4',
    'tingkat_penyajian',
    ['Tingkat Penyajian Hasil Analisis', 'Level at which results are presented'],
    'multi',
    {
      required: true,
      choices: ESTIMATION_LEVELS,
    },
  ),
  f(
    'diseminasi',
    '8.1',
    'produk_tersedia',
    ['Produk Kegiatan yang Tersedia untuk Umum', 'Products available to the public'],
    'multi',
    {
      required: true,
      choices: PRODUCTS,
    },
  ),
  f(
    'diseminasi',
    '8.2',
    'rencana_rilis',
    ['Rencana Jadwal Rilis Produk Kegiatan', 'Planned release of products'],
    'list',
    {
      help: [
        'Satu rilis per baris: produk dan tanggal (YYYY-MM-DD).',
        'One release per line: product and date (YYYY-MM-DD).',
      ],
    },
  ),
];
