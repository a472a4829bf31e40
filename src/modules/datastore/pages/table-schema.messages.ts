import { defineMessages } from '../../../kernel/i18n/i18n.js';

const id = {
  title: 'Skema tabel',
  lead: 'Kolom yang diharapkan pada setiap unggahan sumber daya ini. Unggahan berikutnya diperiksa terhadap skema ini; data yang sudah dimuat tidak berubah.',
  back: 'Kembali ke dataset',
  none: 'Belum ada skema: unggah berkas CSV atau XLSX untuk menyusunnya otomatis, atau isi kolom di bawah.',
  saved: 'Skema tersimpan.',
  fields: 'Kolom',
  name: 'Nama kolom',
  fieldTitle: 'Judul',
  titleEn: 'Judul (Inggris)',
  type: 'Tipe',
  unit: 'Satuan',
  description: 'Keterangan',
  required: 'Wajib',
  unique: 'Unik',
  minimum: 'Minimum',
  maximum: 'Maksimum',
  enum: 'Pilihan (pisahkan dengan koma)',
  reference: 'Kode referensi',
  remove: 'Hapus',
  newField: 'Kolom baru (isi nama untuk menambah)',
  noReference: '— tidak ada —',
  primaryKey: 'Kunci utama (nama kolom, pisahkan dengan koma)',
  periodField: 'Kolom periode (untuk peringatan perubahan)',
  seriesFields: 'Kolom seri (pisahkan dengan koma)',
  changePercent: 'Batas perubahan dari periode sebelumnya (%)',
  save: 'Simpan skema',
  template: 'Unduh templat CSV (baris judul kolom sesuai skema ini)',
  'type.string': 'Teks',
  'type.integer': 'Bilangan bulat',
  'type.number': 'Bilangan desimal',
  'type.boolean': 'Ya/tidak',
  'type.date': 'Tanggal',
  'type.year': 'Tahun',
  'type.yearmonth': 'Bulan-tahun',
  'ref.region:province': 'Wilayah: provinsi',
  'ref.region:regency': 'Wilayah: kabupaten/kota',
  'ref.region:district': 'Wilayah: kecamatan',
  'ref.region:village': 'Wilayah: desa/kelurahan',
  'ref.codelist': 'Daftar kode: {title}',
};

const en: Record<keyof typeof id, string> = {
  title: 'Table schema',
  lead: 'The columns every upload of this resource must have. Later uploads are checked against this schema; data already loaded does not change.',
  back: 'Back to the dataset',
  none: 'No schema yet: upload a CSV or XLSX file to infer one, or fill in the columns below.',
  saved: 'Schema saved.',
  fields: 'Columns',
  name: 'Column name',
  fieldTitle: 'Title',
  titleEn: 'Title (English)',
  type: 'Type',
  unit: 'Unit',
  description: 'Description',
  required: 'Required',
  unique: 'Unique',
  minimum: 'Minimum',
  maximum: 'Maximum',
  enum: 'Allowed values (comma-separated)',
  reference: 'Reference codes',
  remove: 'Remove',
  newField: 'New column (give a name to add it)',
  noReference: '— none —',
  primaryKey: 'Primary key (column names, comma-separated)',
  periodField: 'Period column (for the change warning)',
  seriesFields: 'Series columns (comma-separated)',
  changePercent: 'Change from the previous period that warns (%)',
  save: 'Save schema',
  template: 'Download the CSV template (the header row this schema expects)',
  'type.string': 'Text',
  'type.integer': 'Whole number',
  'type.number': 'Decimal number',
  'type.boolean': 'Yes/no',
  'type.date': 'Date',
  'type.year': 'Year',
  'type.yearmonth': 'Month and year',
  'ref.region:province': 'Region: province',
  'ref.region:regency': 'Region: regency/city',
  'ref.region:district': 'Region: district',
  'ref.region:village': 'Region: village',
  'ref.codelist': 'Code list: {title}',
};

/** The schema editor's texts (Indonesian first, English with the same keys). */
export const tst = defineMessages({ id, en });
export type TableSchemaMessage = keyof typeof id;

/** A column type as people read it ("Bilangan bulat", "Whole number"). */
export function fieldTypeLabel(locale: 'id' | 'en', type: string): string {
  const key = `type.${type}` as TableSchemaMessage;
  return key in id ? tst(locale, key) : type;
}

/** A column's reference code list as people read it ("Wilayah: kecamatan", "Daftar kode: …"). */
export function referenceLabel(locale: 'id' | 'en', resource: string): string {
  if (resource.startsWith('codelist:'))
    return tst(locale, 'ref.codelist', { title: resource.slice('codelist:'.length) });
  const key = `ref.${resource}` as TableSchemaMessage;
  return key in id ? tst(locale, key) : resource;
}
