import { defineMessages } from '../../../kernel/i18n/i18n.js';

const id = {
  'sop.title': 'SOP yang berlaku',
  'sop.lead':
    'Standar operasional prosedur Satu Data yang dijalankan {region}. Setiap dokumen dibuat dari alur kerja yang sedang berjalan di platform ini, sehingga yang disahkan sama dengan yang dijalankan.',
  'sop.caption': 'Daftar SOP yang berlaku',
  'sop.name': 'Nama SOP',
  'sop.number': 'Nomor SOP',
  'sop.kind': 'Jenis proses',
  'sop.effective': 'Tanggal berlaku',
  'sop.ratifiedOn': '{date} (tanggal pengesahan)',
  'sop.document': 'Dokumen',
  'sop.pdf': 'PDF',
  'sop.pdfOf': 'PDF dokumen SOP {name}',
  'sop.version': 'versi {version}',
  'sop.none': 'Belum ada SOP yang berlaku.',
  'sop.blank': '—',
  'sop.staffLink': 'Dokumen SOP (PDF)',
};

const en: Record<keyof typeof id, string> = {
  'sop.title': 'SOPs in force',
  'sop.lead':
    "The Satu Data standard operating procedures {region} runs. Each document is made from the workflow running on this platform, so what is ratified is what runs. The documents are in Indonesian, the SOPs' official language.",
  'sop.caption': 'SOPs in force',
  'sop.name': 'SOP name',
  'sop.number': 'SOP number',
  'sop.kind': 'Process',
  'sop.effective': 'In force since',
  'sop.ratifiedOn': '{date} (date ratified)',
  'sop.document': 'Document',
  'sop.pdf': 'PDF',
  'sop.pdfOf': 'PDF of the SOP document {name}',
  'sop.version': 'version {version}',
  'sop.none': 'No SOP is in force yet.',
  'sop.blank': '—',
  'sop.staffLink': 'SOP document (PDF)',
};

/** Strings of the public SOP page. */
export const sopt = defineMessages({ id, en });
