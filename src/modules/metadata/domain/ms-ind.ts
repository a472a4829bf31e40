import { field as f } from './field-builder.js';
import { choices, type FormDefinition, YES_NO } from './form.js';
import { ESTIMATION_LEVELS } from './ms-keg.js';

/**
 * MS-Ind (Metadata Statistik – Indikator): the sixteen questions of BPS's form in its order
 * (STANDARDS.md §3.3; BPS template MS-Indikator.xlsx), then the periodicity Satu Data asks
 * besides. Questions 9–14 trace a composite indicator to its building indicators, variables
 * and activities.
 */

export const INDICATOR_PERIODS = choices(
  ['harian', 'Harian', 'Daily'],
  ['mingguan', 'Mingguan', 'Weekly'],
  ['bulanan', 'Bulanan', 'Monthly'],
  ['triwulanan', 'Triwulanan', 'Quarterly'],
  ['semesteran', 'Semesteran', 'Half-yearly'],
  ['tahunan', 'Tahunan', 'Yearly'],
  ['lima_tahunan', 'Lima Tahunan', 'Every five years'],
  ['insidental', 'Insidental', 'Ad hoc'],
);

export const MS_IND: FormDefinition = {
  key: 'ms_ind',
  title: { id: 'Metadata Statistik Indikator (MS-Ind)', en: 'Indicator metadata (MS-Ind)' },
  blocks: [{ key: 'indikator', no: '', label: { id: 'Indikator', en: 'Indicator' } }],
  fields: [
    f('indikator', '1', 'nama_indikator', ['Nama Indikator', 'Indicator name'], 'text', { required: true }),
    f('indikator', '2', 'konsep', ['Konsep', 'Concept'], 'textarea', { required: true }),
    f('indikator', '3', 'definisi', ['Definisi', 'Definition'], 'textarea', { required: true }),
    f('indikator', '4', 'interpretasi', ['Interpretasi', 'Interpretation'], 'textarea', {
      required: true,
      help: [
        'Cara membaca nilai indikator: apa arti nilai tinggi atau rendah.',
        'How to read the value: what a high or low value means.',
      ],
    }),
    f(
      'indikator',
      '5',
      'metode_perhitungan',
      ['Metode/Rumus Perhitungan', 'Calculation method/formula'],
      'textarea',
      {
        required: true,
      },
    ),
    f('indikator', '6', 'ukuran', ['Ukuran', 'Measure'], 'text', { required: true }),
    f('indikator', '7', 'satuan', ['Satuan', 'Unit'], 'text', { required: true }),
    f(
      'indikator',
      '8',
      'klasifikasi_penyajian',
      ['Klasifikasi Penyajian', 'Presentation breakdowns'],
      'list',
      {
        help: [
          'Rincian penyajian, satu per baris, mis. Jenis Kelamin.',
          'Breakdowns, one per line, e.g. Sex.',
        ],
      },
    ),
    f(
      'indikator',
      '9',
      'indikator_komposit',
      ['Apakah Indikator Komposit?', 'Is it a composite indicator?'],
      'choice',
      {
        required: true,
        choices: YES_NO,
      },
    ),
    f(
      'indikator',
      '10',
      'publikasi_indikator_pembangun',
      ['Publikasi Ketersediaan Indikator Pembangun', 'Publication of the building indicators'],
      'text',
    ),
    f(
      'indikator',
      '11',
      'nama_indikator_pembangun',
      ['Nama Indikator Pembangun', 'Building indicators'],
      'list',
    ),
    f(
      'indikator',
      '12',
      'kegiatan_variabel_pembangun',
      ['Kegiatan Penghasil Variabel Pembangun', 'Activities producing the building variables'],
      'list',
    ),
    f(
      'indikator',
      '13',
      'kode_kegiatan_variabel_pembangun',
      ['Kode Kegiatan Variabel Pembangun', 'Codes of those activities'],
      'list',
    ),
    f(
      'indikator',
      '14',
      'nama_variabel_pembangun',
      ['Nama Variabel Pembangun', 'Building variables'],
      'list',
    ),
    f('indikator', '15', 'level_estimasi', ['Level Estimasi', 'Estimation level'], 'multi', {
      required: true,
      choices: ESTIMATION_LEVELS,
    }),
    f(
      'indikator',
      '16',
      'akses_umum',
      ['Apakah Indikator Dapat Diakses Umum?', 'Can the public access the indicator?'],
      'choice',
      {
        required: true,
        choices: YES_NO,
      },
    ),
    f('indikator', '', 'periodisitas', ['Periodisitas', 'Periodicity'], 'choice', {
      choices: INDICATOR_PERIODS,
      extension: true,
    }),
  ],
};
