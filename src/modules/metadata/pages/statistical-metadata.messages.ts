import { defineMessages } from '../../../kernel/i18n/i18n.js';

const id = {
  'sm.title': 'Metadata statistik',
  'sm.standard': 'Standar data',
  'sm.version': 'versi {version}',
  'sm.concept': 'Konsep',
  'sm.definition': 'Definisi',
  'sm.classification': 'Klasifikasi',
  'sm.measure': 'Ukuran',
  'sm.unit': 'Satuan',
  'sm.source': 'Sumber',
  'sm.sdsn': 'Kode SDSN',
  'sm.activity': 'Kegiatan statistik (MS-Keg)',
  'sm.activityCode': 'Kode kegiatan BPS',
  'sm.recommendation': 'Rekomendasi BPS (Romantik)',
  'sm.variables': 'Variabel (MS-Var)',
  'sm.indicators': 'Indikator (MS-Ind)',
  'sm.column': 'Kolom',
} as const;

const en: Record<keyof typeof id, string> = {
  'sm.title': 'Statistical metadata',
  'sm.standard': 'Data standard',
  'sm.version': 'version {version}',
  'sm.concept': 'Concept',
  'sm.definition': 'Definition',
  'sm.classification': 'Classification',
  'sm.measure': 'Measure',
  'sm.unit': 'Unit',
  'sm.source': 'Source',
  'sm.sdsn': 'SDSN code',
  'sm.activity': 'Statistical activity (MS-Keg)',
  'sm.activityCode': 'BPS activity code',
  'sm.recommendation': 'BPS recommendation (Romantik)',
  'sm.variables': 'Variables (MS-Var)',
  'sm.indicators': 'Indicators (MS-Ind)',
  'sm.column': 'Column',
};

export const smt = defineMessages({ id, en });
