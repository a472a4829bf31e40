import type { Bilingual } from '../../../kernel/errors.js';

/**
 * The regional Daftar Data format (STANDARDS.md §3.5, "Format Daftar Data Daerah"): nineteen
 * columns, exactly these headers in this order. An item keeps them as text; three of them are
 * coded (Jenis Data, Klasifikasi Risiko, Jadwal Pemutakhiran) and the producer is an agency.
 */

export const DATA_KINDS = ['statistik', 'geospasial', 'keuangan'] as const;
export const RISK_CLASSES = ['terbuka', 'terbatas', 'tertutup'] as const;
export const UPDATE_SCHEDULES = [
  'harian',
  'mingguan',
  'bulanan',
  'triwulanan',
  'semesteran',
  'tahunan',
  'insidental',
] as const;
export const DISAGGREGATIONS = ['province', 'regency', 'district', 'village'] as const;
export const ITEM_STATUSES = ['planned', 'agreed', 'changed', 'refused', 'postponed'] as const;
export const LIST_STATUSES = ['draft', 'discussed', 'agreed', 'enacted'] as const;
export const FORUM_DECISIONS = ['agreed', 'changed', 'refused', 'postponed'] as const;

export interface ListColumn {
  header: string;
  /** The item field; 'agency' is the producer agency (written by name, read by name, short name or code). */
  field: string;
  label: Bilingual;
  required?: boolean;
  codes?: readonly string[];
  /** The longest text the field keeps (a coded or agency column has none). */
  max?: number;
  explain: Bilingual;
}

/**
 * The 19 columns, once: the XLSX headers and order, the explanation sheet, the item fields
 * (`ItemTextField` below is read from here) and the item form's checks all come from this list.
 */
const COLUMN_SPECS = [
  {
    header: 'ID DDD',
    field: 'id_ddd',
    max: 100,
    required: true,
    label: { id: 'ID DDD', en: 'Regional data list ID' },
    explain: { id: 'Nomor unik baris Daftar Data Daerah', en: 'Unique number of the regional list row' },
  },
  {
    header: 'ID DDP',
    field: 'id_ddp',
    max: 100,
    label: { id: 'ID DDP', en: 'Priority data list ID' },
    explain: {
      id: 'Tautan ke Daftar Data Prioritas pusat; kosong bila tidak merujuk data nasional',
      en: 'Link to the central priority data list; empty when the row refers to no national data',
    },
  },
  {
    header: 'Sumber Referensi',
    field: 'source_reference',
    max: 500,
    label: { id: 'Sumber Referensi', en: 'Source reference' },
    explain: {
      id: 'Dokumen perencanaan asal (RPJMD, RKPD, SDGs, SPM…)',
      en: 'Planning document (RPJMD, RKPD, SDGs, SPM…)',
    },
  },
  {
    header: 'Kode Indikator',
    field: 'indicator_code',
    max: 100,
    label: { id: 'Kode Indikator', en: 'Indicator code' },
    explain: { id: 'Kode indikator pada dokumen referensi', en: 'Indicator code in the reference document' },
  },
  {
    header: 'Nama Indikator',
    field: 'indicator_name',
    max: 500,
    label: { id: 'Nama Indikator', en: 'Indicator name' },
    explain: { id: 'Nama indikator pada dokumen referensi', en: 'Indicator name in the reference document' },
  },
  {
    header: 'Nama Data',
    field: 'data_name',
    max: 500,
    required: true,
    label: { id: 'Nama Data', en: 'Data name' },
    explain: { id: 'Nama data yang dikumpulkan', en: 'Name of the data collected' },
  },
  {
    header: 'Jenis Data',
    field: 'kind',
    required: true,
    codes: DATA_KINDS,
    label: { id: 'Jenis Data', en: 'Kind of data' },
    explain: { id: 'statistik, geospasial atau keuangan', en: 'statistik, geospasial or keuangan' },
  },
  {
    header: 'Indikator/Variabel',
    field: 'indicator_variable',
    max: 500,
    label: { id: 'Indikator/Variabel', en: 'Indicator/variable' },
    explain: { id: 'Indikator atau variabel yang diukur', en: 'Indicator or variable measured' },
  },
  {
    header: 'Kode Standar Data',
    field: 'standard_code',
    max: 100,
    label: { id: 'Kode Standar Data', en: 'Data standard code' },
    explain: { id: 'Kode standar data (bila ada)', en: 'Data standard code (when there is one)' },
  },
  {
    header: 'Produsen Data',
    field: 'agency',
    required: true,
    label: { id: 'Produsen Data', en: 'Data producer' },
    explain: {
      id: 'Nama, singkatan atau kode perangkat daerah produsen data',
      en: 'Name, short name or code of the producing agency',
    },
  },
  {
    header: 'Klasifikasi Risiko',
    field: 'risk_class',
    required: true,
    codes: RISK_CLASSES,
    label: { id: 'Klasifikasi Risiko', en: 'Risk classification' },
    explain: {
      id: 'terbuka, terbatas atau tertutup',
      en: 'terbuka (open), terbatas (restricted) or tertutup (closed)',
    },
  },
  {
    header: 'Definisi',
    field: 'definition',
    max: 5000,
    label: { id: 'Definisi', en: 'Definition' },
    explain: { id: 'Definisi data', en: 'Definition of the data' },
  },
  {
    header: 'Satuan',
    field: 'unit',
    max: 100,
    label: { id: 'Satuan', en: 'Unit' },
    explain: { id: 'Satuan ukuran', en: 'Unit of measure' },
  },
  {
    header: 'Klasifikasi Penyajian',
    field: 'presentation',
    max: 500,
    label: { id: 'Klasifikasi Penyajian', en: 'Presentation classification' },
    explain: {
      id: 'Rincian penyajian (menurut kecamatan, jenis kelamin…)',
      en: 'Breakdown presented (by district, sex…)',
    },
  },
  {
    header: 'Jadwal Pemutakhiran',
    field: 'update_schedule',
    required: true,
    codes: UPDATE_SCHEDULES,
    label: { id: 'Jadwal Pemutakhiran', en: 'Update schedule' },
    explain: {
      id: 'harian, mingguan, bulanan, triwulanan, semesteran, tahunan atau insidental',
      en: 'daily, weekly, monthly, quarterly, half-yearly, yearly or occasional (Indonesian codes)',
    },
  },
  {
    header: 'Kategori RAD',
    field: 'rad_category',
    max: 200,
    label: { id: 'Kategori RAD', en: 'RAD category' },
    explain: { id: 'Kategori Rencana Aksi Daerah', en: 'Regional action plan category' },
  },
  {
    header: 'Kode Metadata',
    field: 'metadata_code',
    max: 100,
    label: { id: 'Kode Metadata', en: 'Metadata code' },
    explain: { id: 'Kode metadata (MS-Keg/MS-Var/MS-Ind)', en: 'Metadata code (MS-Keg/MS-Var/MS-Ind)' },
  },
  {
    header: 'Link Portal Daerah',
    field: 'portal_link',
    max: 1000,
    label: { id: 'Link Portal Daerah', en: 'Regional portal link' },
    explain: { id: 'Alamat data di portal daerah', en: 'Address of the data on the regional portal' },
  },
  {
    header: 'Link Portal SDI',
    field: 'sdi_link',
    max: 1000,
    label: { id: 'Link Portal SDI', en: 'SDI portal link' },
    explain: {
      id: 'Alamat data di portal Satu Data Indonesia',
      en: 'Address of the data on the national SDI portal',
    },
  },
] as const satisfies readonly ListColumn[];

/** The text fields of an item that the 19 columns carry, by item column name. */
export type ItemTextField = Exclude<(typeof COLUMN_SPECS)[number]['field'], 'agency'>;

export const LIST_COLUMNS: readonly (ListColumn & { field: ItemTextField | 'agency' })[] = COLUMN_SPECS;

export const LIST_HEADERS: readonly string[] = LIST_COLUMNS.map((c) => c.header);

/** How many expectation periods a year holds for an update schedule (insidental: one, at year end). */
export function periodsOf(schedule: string, year: number): { period: string; dueOn: string }[] {
  const end = (m: number) => {
    const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return `${year}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
  };
  switch (schedule) {
    case 'semesteran':
      return [1, 2].map((s) => ({ period: `${year}-S${s}`, dueOn: end(s * 6) }));
    case 'triwulanan':
      return [1, 2, 3, 4].map((q) => ({ period: `${year}-Q${q}`, dueOn: end(q * 3) }));
    case 'bulanan':
    case 'mingguan':
    case 'harian':
      // Finer schedules are owed as monthly deliveries (a weekly series is sent once a month).
      return Array.from({ length: 12 }, (_, i) => ({
        period: `${year}-${String(i + 1).padStart(2, '0')}`,
        dueOn: end(i + 1),
      }));
    default:
      return [{ period: String(year), dueOn: end(12) }];
  }
}
