/**
 * What the verification screens say about a submission's metadata (issue #17): each frozen field
 * by its label, never by its CKAN key, and the texts of the notes shown beside them.
 */
import { defineMessages } from '../../../kernel/i18n/i18n.js';

const id = {
  'col.field': 'Isian',
  'col.value': 'Nilai',
  'field.title': 'Judul',
  'field.notes': 'Deskripsi',
  'field.license_id': 'Lisensi',
  'field.update_frequency': 'Frekuensi pemutakhiran',
  'field.temporal_start': 'Periode awal',
  'field.temporal_end': 'Periode akhir',
  'field.spatial': 'Cakupan wilayah (kode)',
  'field.maintainer': 'Narahubung',
  'field.maintainer_email': 'Surel narahubung',
  'field.author': 'Penyusun',
  'field.version': 'Versi',
  'field.tags': 'Kata kunci',
  'field.groups': 'Topik',
  'field.extras': 'Keterangan tambahan',
  'field.priority': 'Data prioritas',
  'field.other': 'Isian lain',
  'value.yes': 'Ya',
  'value.no': 'Tidak',
  'note.column': 'Catatan walidata',
  'note.for': 'Catatan untuk {field}',
  'note.returned': 'Dikembalikan dengan catatan — perbaiki isian yang diberi catatan, lalu kirim ulang.',
  'note.general': 'Catatan umum',
  'note.cells': 'Catatan per sel',
  'note.cell': '{resource}, baris {row}, kolom {column}: {note}',
  'note.checklist': 'Kriteria pemeriksaan',
  'note.edit': 'Ubah metadata dan sumber daya',
  'preview.title': 'Pratinjau tabel yang dikirim',
  rows: '{rows} baris',
};

const en: Record<keyof typeof id, string> = {
  'col.field': 'Field',
  'col.value': 'Value',
  'field.title': 'Title',
  'field.notes': 'Description',
  'field.license_id': 'Licence',
  'field.update_frequency': 'Update frequency',
  'field.temporal_start': 'Period start',
  'field.temporal_end': 'Period end',
  'field.spatial': 'Spatial coverage (codes)',
  'field.maintainer': 'Contact',
  'field.maintainer_email': 'Contact email',
  'field.author': 'Author',
  'field.version': 'Version',
  'field.tags': 'Keywords',
  'field.groups': 'Topics',
  'field.extras': 'Additional information',
  'field.priority': 'Priority data',
  'field.other': 'Other field',
  'value.yes': 'Yes',
  'value.no': 'No',
  'note.column': "Custodian's note",
  'note.for': 'Note on {field}',
  'note.returned': 'Returned with notes — fix the fields that carry a note, then submit again.',
  'note.general': 'General note',
  'note.cells': 'Notes on cells',
  'note.cell': '{resource}, row {row}, column {column}: {note}',
  'note.checklist': 'Check criteria',
  'note.edit': 'Edit metadata and resources',
  'preview.title': 'Preview of the submitted table',
  rows: '{rows} rows',
};

export const vt = defineMessages({ id, en });
export type VerificationMessage = keyof typeof id;
