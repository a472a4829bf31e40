import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, t } from './builder.js';
import {
  CUSTODIAN,
  JEMBER_PLANNING_STEPS,
  PRODUCER,
  SECRETARIAT,
  SUPERVISOR,
  s,
} from './jember-planning-steps.js';

/**
 * Jember regency, planning and conducting SDI statistics (Bappeda Kabupaten Jember, 2024).
 * Seed: 002_7c7df7692fdb570e.txt. Actors per the SOP's columns: Sekretariat Satu Data,
 * Walidata Tingkat Daerah, Pembina Data Statistik, Forum Satu Data, Produsen Data; the forum's
 * meetings (steps 3, 8, 11) are run by the secretariat. One instance follows one dataset; the
 * dataset flow drives the upload (17, submit), the custodian's check (18, verify), the
 * supervisor's check (19, review: the SOP sends every verified dataset to the supervisor, so
 * `reviewNonPriority: true`) and the upload to the regional portal (20, publish). Both checks
 * return to the producer, who uploads again (step 17).
 */
export const JEMBER_PERENCANAAN_PENYELENGGARAAN: WorkflowDefinition = {
  key: 'jember-perencanaan-penyelenggaraan',
  version: 1,
  processKind: 'dataset_collection',
  title: t(
    'Perencanaan dan Penyelenggaraan Statistik Satu Data Indonesia Kabupaten Jember',
    'Jember regency: planning and conducting SDI statistics',
  ),
  source: { seed: '002_7c7df7692fdb570e.txt', region: 'Kabupaten Jember' },
  reviewNonPriority: true,
  start: 'inventory_needs',
  steps: [
    ...JEMBER_PLANNING_STEPS,
    s(
      'design_method',
      'producer',
      PRODUCER,
      t(
        'Merancang metode pengumpulan data (survei, kompilasi produk administrasi, dll.)',
        'Design the collection method (survey, administrative records, …)',
      ),
      '2 jam',
      [doc('Metode pengumpulan data', 'Collection method')],
      continueTo('design_questionnaire'),
    ),
    s(
      'design_questionnaire',
      'producer',
      PRODUCER,
      t('Merancang kuesioner / tabel dummy', 'Design the questionnaire / dummy table'),
      '2 jam',
      [doc('Kuesioner', 'Questionnaire'), doc('Templat tabel', 'Table template')],
      continueTo('state_standards'),
    ),
    s(
      'state_standards',
      'producer',
      PRODUCER,
      t(
        'Menyampaikan pembatasan akses, kesinambungan, standar data, metadata dan interoperabilitas',
        'State access restrictions, continuity, standards, metadata and interoperability',
      ),
      '2 jam',
      [rec('Draf data dan metadata', 'Draft data and metadata')],
      continueTo('upload_national'),
    ),
    s(
      'upload_national',
      'producer',
      PRODUCER,
      t(
        'Mengunggah data ke sistem nasional (INDAH, Romantik, SIPD e-walidata)',
        'Upload to the national systems (INDAH, Romantik, SIPD e-walidata)',
      ),
      '2 jam',
      [rec('Draf data terunggah', 'Uploaded draft')],
      continueTo('custodian_check'),
      {
        feature: 'dataset_submit',
        inputs: [t('Kompilasi data dan metadata yang akan diunggah', 'Data and metadata to upload')],
      },
    ),
    s(
      'custodian_check',
      'custodian',
      CUSTODIAN,
      t(
        'Walidata memeriksa; setujui atau kembalikan ke produsen data',
        'The custodian checks; approve or return to the producer',
      ),
      '3 jam',
      [rec('Data dan metadata terverifikasi', 'Verified data and metadata')],
      [
        outcome('approve', 'Setujui', 'Approve', 'supervisor_check'),
        outcome('return', 'Kembalikan ke produsen data', 'Return to the producer', 'upload_national'),
      ],
      { feature: 'dataset_verify' },
    ),
    s(
      'supervisor_check',
      'supervisor',
      SUPERVISOR,
      t(
        'Pembina Data memeriksa; beri rekomendasi atau kembalikan ke produsen data',
        'The supervisor checks; recommend or return to the producer',
      ),
      '3 jam',
      [doc('Rekomendasi statistik', 'Statistical recommendation')],
      [
        outcome('recommend', 'Rekomendasikan', 'Recommend', 'publish_portal'),
        outcome('return', 'Kembalikan ke produsen data', 'Return to the producer', 'upload_national'),
      ],
      { feature: 'dataset_review' },
    ),
    s(
      'publish_portal',
      'custodian',
      CUSTODIAN,
      t(
        'Mengunggah data yang sudah diperiksa ke portal daerah',
        'Upload the checked data to the regional portal',
      ),
      '1 jam',
      [rec('Publikasi digital', 'Digital publication')],
      continueTo('evaluate_year'),
      { feature: 'dataset_publish' },
    ),
    s(
      'evaluate_year',
      'secretariat',
      SECRETARIAT,
      t('Evaluasi pelaksanaan Satu Data tahun berjalan', "Evaluate the year's Satu Data work"),
      '8 jam',
      [doc('Draf evaluasi', 'Evaluation draft')],
      continueTo('report_to_head'),
      // Steps 21–22 are yearly: the data-list cycle run reaches them, never a dataset's run.
      { routing: { cycle: true } },
    ),
    s(
      'report_to_head',
      'secretariat',
      SECRETARIAT,
      t('Melaporkan kepada Bupati', 'Report to the head of region'),
      '3 jam',
      [doc('Laporan', 'Report')],
      continueTo('end'),
      { routing: { cycle: true } },
    ),
  ],
};
