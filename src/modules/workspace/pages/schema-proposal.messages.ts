import { defineMessages } from '../../../kernel/i18n/i18n.js';

const id = {
  'proposal.title': 'Versi {version}: periksa kolomnya sebelum data dimuat',
  'proposal.lead':
    'Sumber daya ini belum punya skema tabel. Kami membaca {rows} baris dan mengusulkan tipe setiap kolom di bawah. Belum ada data yang dimuat: periksa, ubah bila perlu, lalu konfirmasi.',
  'proposal.column': 'Kolom',
  'proposal.type': 'Tipe',
  'proposal.typeOf': 'Tipe kolom {column}',
  'proposal.notes': 'Catatan',
  'proposal.exceptions':
    'Angka di {share}% baris, diusulkan angka. {count} baris bukan angka dan akan ditolak bila tipe ini dipakai:',
  'proposal.exceptionRow': 'baris {row}: “{value}”',
  'proposal.more': '… dan {count} baris lagi',
  'proposal.confirm': 'Konfirmasi skema dan muat data',
  'proposal.hint':
    'Ingin kolom lengkap dengan label, satuan dan klasifikasi? Atur setelah konfirmasi di halaman kolom tabel.',
};

const en: Record<keyof typeof id, string> = {
  'proposal.title': 'Version {version}: check the columns before the data loads',
  'proposal.lead':
    'This resource has no table schema yet. We read {rows} rows and propose a type for each column below. Nothing has been loaded: check, change if needed, then confirm.',
  'proposal.column': 'Column',
  'proposal.type': 'Type',
  'proposal.typeOf': 'Type of column {column}',
  'proposal.notes': 'Notes',
  'proposal.exceptions':
    'Numbers in {share}% of rows, proposed as a number. {count} rows are not numbers and will be refused if this type is kept:',
  'proposal.exceptionRow': 'row {row}: “{value}”',
  'proposal.more': '… and {count} more rows',
  'proposal.confirm': 'Confirm the schema and load the data',
  'proposal.hint':
    'Want labels, units and classification for the columns? Set them after confirming, on the table columns page.',
};

export const proposalText = defineMessages({ id, en });
