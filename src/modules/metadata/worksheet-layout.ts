import { STANDARD_SOURCE_KINDS } from './domain/data-standard.js';
import type { Bilingual, Choice, FormDefinition, FormField } from './domain/form.js';
import { MS_IND, MS_KEG, MS_VAR, RECOMMENDATION_STATUSES } from './domain/index.js';

/**
 * The columns of the "Lembar Kerja Metadata & SDS": one sheet per kind of record, row 1 the
 * column keys the upload reads, row 2 the labels people read, records from row 3. Choice
 * columns take codes (a validation list offers them); `multi` columns take codes separated by
 * ";", `list` columns one item per line.
 */
export interface WorksheetColumn {
  key: string;
  label: Bilingual;
  required: boolean;
  /** Filled by the download; the upload uses it to find the record and never changes it. */
  identifies?: boolean;
  /** Shown for orientation; the upload ignores it. */
  readOnly?: boolean;
  kind: FormField['kind'];
  choices?: readonly Choice[] | undefined;
  /** The form field the column answers (MS-Keg, MS-Var, MS-Ind). */
  formKey?: string;
}

export interface WorksheetSheet {
  name: string;
  title: Bilingual;
  columns: WorksheetColumn[];
}

const CLASSIFICATION_CHOICES: Choice[] = [
  { code: 'open', id: 'Terbuka', en: 'Open' },
  { code: 'restricted', id: 'Terbatas', en: 'Restricted' },
  { code: 'closed', id: 'Tertutup', en: 'Closed' },
];
const SOURCE_CHOICES: Choice[] = Object.entries(STANDARD_SOURCE_KINDS).map(([code, l]) => ({ code, ...l }));

const col = (
  key: string,
  id: string,
  en: string,
  opts: Partial<Omit<WorksheetColumn, 'key' | 'label'>> = {},
): WorksheetColumn => ({ key, label: { id, en }, required: false, kind: 'text', ...opts });

function formColumns(def: FormDefinition, skip: readonly string[] = []): WorksheetColumn[] {
  return def.fields
    .filter((f) => f.source === 'stored' && !skip.includes(f.key))
    .map((f) => ({
      key: f.key,
      label: { id: f.no ? `${f.no} ${f.label.id}` : f.label.id, en: f.label.en },
      required: f.required,
      kind: f.kind,
      choices: f.choices,
      formKey: f.key,
    }));
}

export const SHEET = {
  instructions: 'Petunjuk',
  dataset: 'Dataset',
  standard: 'Standar Data',
  msKeg: 'MS-Keg',
  msVar: 'MS-Var',
  msInd: 'MS-Ind',
  lists: 'Daftar',
} as const;

export const DATASET_SHEET: WorksheetSheet = {
  name: SHEET.dataset,
  title: { id: 'Metadata dataset', en: 'Dataset metadata' },
  columns: [
    col('dataset', 'Nama URL dataset', 'Dataset URL name', { required: true, identifies: true }),
    col('title', 'Judul (informasi)', 'Title (for reference)', { readOnly: true }),
    col('classification', 'Klasifikasi akses', 'Access classification', {
      required: true,
      kind: 'choice',
      choices: CLASSIFICATION_CHOICES,
    }),
    col(
      'data_standard',
      'Standar data (nama URL, lembar Standar Data)',
      'Data standard (URL name, sheet Standar Data)',
    ),
    col(
      'activity',
      'Kegiatan statistik (kolom ref lembar MS-Keg)',
      'Statistical activity (ref column of sheet MS-Keg)',
    ),
  ],
};

export const STANDARD_SHEET: WorksheetSheet = {
  name: SHEET.standard,
  title: { id: 'Standar Data', en: 'Data standards' },
  columns: [
    col('name', 'Nama URL', 'URL name', { required: true, identifies: true }),
    col('title', 'Judul', 'Title', { required: true }),
    col('concept', 'Konsep', 'Concept', { required: true, kind: 'textarea' }),
    col('definition', 'Definisi', 'Definition', { required: true, kind: 'textarea' }),
    col('classification', 'Klasifikasi', 'Classification', { kind: 'textarea' }),
    col('measure', 'Ukuran', 'Measure'),
    col('unit', 'Satuan', 'Unit'),
    col('source_kind', 'Sumber standar', 'Source of the standard', {
      required: true,
      kind: 'choice',
      choices: SOURCE_CHOICES,
    }),
    col('source_reference', 'Rujukan sumber', 'Source reference'),
    col('sdsn_code', 'Kode SDSN (AA99999.99.99)', 'SDSN code (AA99999.99.99)'),
  ],
};

export const ACTIVITY_SHEET: WorksheetSheet = {
  name: SHEET.msKeg,
  title: MS_KEG.title,
  columns: [
    col(
      'ref',
      'Ref (jangan diubah; isi K1, K2 … untuk kegiatan baru)',
      'Ref (keep; K1, K2 … for a new activity)',
      {
        required: true,
        identifies: true,
      },
    ),
    col('title', 'Judul kegiatan', 'Activity title', { required: true }),
    col('activity_code', 'Kode kegiatan BPS', 'BPS activity code'),
    col('recommendation_status', 'Status rekomendasi (Romantik)', 'Recommendation status (Romantik)', {
      kind: 'choice',
      choices: RECOMMENDATION_STATUSES,
    }),
    col('recommendation_number', 'Nomor surat rekomendasi', 'Recommendation letter number'),
    col('recommendation_date', 'Tanggal rekomendasi (YYYY-MM-DD)', 'Recommendation date (YYYY-MM-DD)', {
      kind: 'date',
    }),
    ...formColumns(MS_KEG, ['judul_kegiatan']),
  ],
};

export const VARIABLE_SHEET: WorksheetSheet = {
  name: SHEET.msVar,
  title: MS_VAR.title,
  columns: [
    col('dataset', 'Nama URL dataset', 'Dataset URL name', { required: true, identifies: true }),
    col('resource_id', 'ID sumber data', 'Resource id', { required: true, identifies: true }),
    col('column', 'Kolom', 'Column', { required: true, identifies: true }),
    ...formColumns(MS_VAR),
  ],
};

export const INDICATOR_SHEET: WorksheetSheet = {
  name: SHEET.msInd,
  title: MS_IND.title,
  columns: [
    col('dataset', 'Nama URL dataset', 'Dataset URL name', { required: true, identifies: true }),
    col('id', 'ID indikator (kosongkan untuk indikator baru)', 'Indicator id (empty for a new indicator)', {
      identifies: true,
    }),
    col('name', 'Nama indikator', 'Indicator name', { required: true }),
    ...formColumns(MS_IND, ['nama_indikator']),
  ],
};

export const DATA_SHEETS = [DATASET_SHEET, STANDARD_SHEET, ACTIVITY_SHEET, VARIABLE_SHEET, INDICATOR_SHEET];

export const INSTRUCTIONS: Bilingual[] = [
  {
    id: 'Lembar Kerja Metadata & SDS — isi metadata dataset, standar data, MS-Keg, MS-Var dan MS-Ind sekaligus, lalu unggah kembali.',
    en: 'Metadata & SDS worksheet — fill in dataset metadata, data standards, MS-Keg, MS-Var and MS-Ind at once, then upload it back.',
  },
  {
    id: 'Baris 1 setiap lembar berisi kunci kolom: jangan diubah. Baris 2 berisi nama kolom; isian mulai baris 3. Kolom bertanda * wajib diisi.',
    en: 'Row 1 of each sheet holds the column keys: do not change it. Row 2 names the columns; entries start at row 3. Columns marked * are required.',
  },
  {
    id: 'Kolom pilihan diisi dengan kode dari daftar (lihat lembar Daftar). Pilihan ganda dipisahkan dengan titik koma (;); daftar bebas satu butir per baris dalam sel.',
    en: 'Choice columns take a code from the list (see sheet Daftar). Several choices are separated by semicolons (;); free lists take one item per line in the cell.',
  },
  {
    id: 'Baris yang seluruh isiannya kosong dilewati. Satu kesalahan saja membuat seluruh lembar kerja ditolak, dengan laporan yang menyebut lembar, baris dan kolomnya.',
    en: 'Rows whose entries are all empty are skipped. A single error refuses the whole worksheet, with a report naming the sheet, row and column.',
  },
  {
    id: 'Kegiatan statistik baru: isi kolom ref dengan K1, K2 … dan rujuk ref itu di kolom kegiatan pada lembar Dataset.',
    en: 'A new statistical activity: put K1, K2 … in its ref column and refer to that ref in the activity column of sheet Dataset.',
  },
];
