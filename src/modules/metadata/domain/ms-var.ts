import { field as f } from './field-builder.js';
import { choices, type FormDefinition, YES_NO } from './form.js';

/**
 * MS-Var (Metadata Statistik – Variabel), in the order of BPS's form (STANDARDS.md §3.2).
 * One set per column of a tabular resource. What the Table Schema field already says (name,
 * alias = column name, type, definition = description, unit, valid values and validation
 * rules) is read from it (`source: 'table_schema'`) and never typed twice; the activity's
 * identity and organiser come from the dataset's statistical activity.
 */

/** BPS's data types, mapped from Table Schema types by `bpsDataType`. */
export const BPS_DATA_TYPES = choices(
  ['karakter', 'Karakter', 'Character'],
  ['numerik', 'Numerik', 'Numeric'],
  ['tanggal', 'Tanggal', 'Date'],
  ['boolean', 'Boolean', 'Boolean'],
);

export const MS_VAR: FormDefinition = {
  key: 'ms_var',
  title: { id: 'Metadata Statistik Variabel (MS-Var)', en: 'Variable metadata (MS-Var)' },
  blocks: [{ key: 'variabel', no: '', label: { id: 'Variabel', en: 'Variable' } }],
  fields: [
    f('variabel', '1', 'referensi_pemilihan', ['Referensi Pemilihan', 'Selection reference'], 'text', {
      help: [
        'Dasar pemilihan variabel, mis. standar data atau kuesioner.',
        'Why the variable is collected, e.g. a data standard or questionnaire.',
      ],
    }),
    f(
      'variabel',
      '2',
      'identitas_kegiatan',
      ['Identitas Kegiatan Statistik', 'Statistical activity'],
      'text',
      {
        source: 'activity',
      },
    ),
    f('variabel', '3', 'referensi_waktu', ['Referensi Waktu', 'Time reference'], 'text', {
      required: true,
      help: [
        'Waktu yang dirujuk nilai variabel, mis. 31 Desember 2025.',
        'The time the values refer to, e.g. 31 December 2025.',
      ],
    }),
    f('variabel', '4', 'penyelenggara', ['Penyelenggara', 'Organiser'], 'text', { source: 'activity' }),
    f('variabel', '5', 'tipe_data', ['Tipe Data', 'Data type'], 'choice', {
      choices: BPS_DATA_TYPES,
      source: 'table_schema',
    }),
    f('variabel', '6', 'nama_variabel', ['Nama Variabel', 'Variable name'], 'text', {
      source: 'table_schema',
    }),
    f('variabel', '7', 'klasifikasi_isian', ['Klasifikasi Isian', 'Answer classification'], 'text', {
      source: 'table_schema',
    }),
    f('variabel', '8', 'alias', ['Alias', 'Alias'], 'text', { source: 'table_schema' }),
    f('variabel', '9', 'aturan_validasi', ['Aturan Validasi', 'Validation rule'], 'text', {
      source: 'table_schema',
    }),
    f('variabel', '10', 'konsep', ['Konsep', 'Concept'], 'textarea', {
      required: true,
      help: ['Gagasan umum yang diukur variabel.', 'The general idea the variable measures.'],
    }),
    f('variabel', '11', 'kalimat_pertanyaan', ['Kalimat Pertanyaan', 'Question wording'], 'textarea', {
      help: ['Pertanyaan pada kuesioner, bila ada.', 'The questionnaire wording, if any.'],
    }),
    f('variabel', '12', 'definisi', ['Definisi', 'Definition'], 'textarea', { source: 'table_schema' }),
    f('variabel', '13', 'ukuran', ['Ukuran', 'Measure'], 'text', {
      help: ['Mis. Jumlah, Rata-rata, Persentase.', 'E.g. count, average, percentage.'],
    }),
    f('variabel', '14', 'satuan', ['Satuan', 'Unit'], 'text', { source: 'table_schema' }),
    f('variabel', '15', 'aksesibilitas_publik', ['Aksesibilitas Publik', 'Public accessibility'], 'choice', {
      required: true,
      choices: YES_NO,
      help: ['Apakah variabel dapat diakses umum.', 'Whether the public may access the variable.'],
    }),
  ],
};
