import type { PlanningHook, WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, t } from './builder.js';
import { JEMBER_IDENTITY } from './identities/jember.js';
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
 * return to the producer, who uploads again (step 17). Titles, requirements and outputs are the
 * seed's words (seed-tables/jember.ts). Only the secretariat's shapes of steps 21–22 survived;
 * the actors of steps 14–20 are inferred from their text.
 */
/** Jember's planning steps and the planning screens they open (issue #13). */
const JEMBER_PLANNING_SCREENS: Record<string, PlanningHook> = {
  inventory_needs: 'proposals',
  send_proposals: 'proposals',
  forum_data_list: 'forum',
  forum_proposals: 'forum',
  agreement_per_agency: 'records',
  draft_list_decree: 'enact',
  design_method: 'collect',
};

export const JEMBER_PERENCANAAN_PENYELENGGARAAN: WorkflowDefinition = {
  key: 'jember-perencanaan-penyelenggaraan',
  // 2: issue #12 (seed words, SOP identity, routing, positions, time fields).
  // 3: issue #13 (planning steps open the planning screens).
  // 4: issue #16 (steps 21–22 are the year's own run; the leader approves the report first).
  version: 4,
  processKind: 'dataset_collection',
  title: t(
    'Perencanaan dan Penyelenggaraan Statistik Satu Data Indonesia Kabupaten Jember',
    'Jember regency: planning and conducting SDI statistics',
  ),
  source: { seed: '002_7c7df7692fdb570e.txt', region: 'Kabupaten Jember' },
  identity: JEMBER_IDENTITY,
  reviewNonPriority: true,
  start: 'inventory_needs',
  steps: [
    ...JEMBER_PLANNING_STEPS.map((st) =>
      JEMBER_PLANNING_SCREENS[st.id] ? { ...st, planning: JEMBER_PLANNING_SCREENS[st.id] } : st,
    ),
    s(
      'design_method',
      'producer',
      PRODUCER,
      t(
        'Merancang metode pengumpulan data yang dilakukan oleh Produsen Data (survei, Kompilasi Produk Administrasi, atau metode pengumpulan data lain sesuai dengan aplikasi ilmu statistik',
        'Design the collection method (survey, administrative records, …)',
      ),
      '2 jam',
      [rec('Data yang sudah terkumpul', 'Collected data')],
      continueTo('design_questionnaire'),
      {
        sopNo: '14',
        inputs: [
          t('Proses Pengumpulan data statistik sektoral', 'The sectoral statistics collection process'),
        ],
      },
    ),
    s(
      'design_questionnaire',
      'producer',
      PRODUCER,
      t(
        'Merancang Kuisisioner dan atau tabel pengisian data (tabel dummy) dalam proses pengumpulan data',
        'Design the questionnaire / dummy table',
      ),
      '2 jam',
      [doc('Hasil kuisisioner dan atau tabel pengisian data', 'Questionnaire and/or data entry table')],
      continueTo('state_standards'),
      {
        sopNo: '15',
        inputs: [t('Kuisisioner dan atau tabel pengisian data', 'Questionnaire and/or data entry table')],
      },
    ),
    s(
      'state_standards',
      'producer',
      PRODUCER,
      t(
        'Mengkomunikasikan pembatasan akses data, menjamin kesinambungan ketersediaan data, dan memberikan informasi pada pembina data dan walidata mengenai standar data, meta data dan interoperabilitas data',
        'State access restrictions, continuity, standards, metadata and interoperability',
      ),
      '2 Jam',
      [rec('Draft Data dan Metadata yang akan diunggah', 'Draft data and metadata to upload')],
      continueTo('upload_national'),
      {
        sopNo: '16',
        inputs: [t('Kompilasi Data dan Metadata yang telah terkumpul', 'Collected data and metadata')],
      },
    ),
    s(
      'upload_national',
      'producer',
      PRODUCER,
      t(
        'Mengunggah Data yang sudah sesuai dengan standar data yang telah ditetapkan kedalam https://indah.bps.go.id dan https://romantik.bps.go.id serta https://sipd-ri.kemendari.go.id/ewalidata',
        'Upload to the national systems (INDAH, Romantik, SIPD e-walidata)',
      ),
      '2 jam',
      [rec('Draft Data dan Metadata yang akan diunggah', 'Uploaded draft data and metadata')],
      continueTo('custodian_check'),
      {
        sopNo: '17',
        feature: 'dataset_submit',
        inputs: [t('Kompilasi Data dan Metadata yang akan diunggah', 'Data and metadata to upload')],
      },
    ),
    s(
      'custodian_check',
      'custodian',
      CUSTODIAN,
      t(
        'Data yang sudah di unggah ke dalam Indah dan Romantik akan masuk ke tahap pemeriksaan oleh Walidata. Jika data tersebut sudah dapat disebar akan dilakukan persetujuan, namun jika masih ada yang perlu diperbaiki akan dikembalikan kepada Produsen data',
        'The custodian checks; approve or return to the producer',
      ),
      '3 jam',
      [
        rec(
          'Draft data dan metadata yang sudah terverifikasi dan tervalidasi',
          'Verified and validated draft data and metadata',
        ),
      ],
      [
        outcome('approve', 'Setujui', 'Approve', 'supervisor_check'),
        outcome('return', 'Kembalikan ke produsen data', 'Return to the producer', 'upload_national'),
      ],
      {
        sopNo: '18',
        feature: 'dataset_verify',
        inputs: [t('Kompilasi data dan metadata dari Produsen data', "The producer's data and metadata")],
      },
    ),
    s(
      'supervisor_check',
      'supervisor',
      SUPERVISOR,
      t(
        'Data yang sudah di verifikasi oleh Walidata akan dilakukan pemeriksaan oleh Pembina Data. Jika data tersebut sudah dapat disebar akan diberikan Rekomendasi Statistik, namun jika masih ada yang perlu diperbaiki akan dikembalikan kepada Produsen data',
        'The supervisor checks; recommend or return to the producer',
      ),
      '3 jam',
      [
        doc(
          'Rekomendasi Statistik yang dikeluarkan oleh BPS Kabupaten Jember selaku Pembina Data',
          'Statistical recommendation issued by BPS Jember as the data supervisor',
        ),
      ],
      [
        outcome('recommend', 'Rekomendasikan', 'Recommend', 'publish_portal'),
        outcome('return', 'Kembalikan ke produsen data', 'Return to the producer', 'upload_national'),
      ],
      {
        sopNo: '19',
        feature: 'dataset_review',
        inputs: [
          t(
            'Kompilasi data dan Metadata yang sudah terverifikasi dan tervalidasi oleh Walidata',
            'Data and metadata verified and validated by the custodian',
          ),
        ],
      },
    ),
    s(
      'publish_portal',
      'custodian',
      CUSTODIAN,
      t(
        'Data yang sudah di periksa oleh Walidata dan Pembina Data diunggah ke dalam https://portal-data.jemberkab.go.id/',
        'Upload the checked data to the regional portal',
      ),
      '1 Jam',
      [rec('Publikasi Digital', 'Digital publication')],
      continueTo('evaluate_year'),
      {
        sopNo: '20',
        feature: 'dataset_publish',
        inputs: [t('Data yang siap dipublikasikan', 'Data ready for publication')],
      },
    ),
    s(
      'evaluate_year',
      'secretariat',
      SECRETARIAT,
      t('Evaluasi dan Penyusunan Penyelenggaraan Kegiatan Satu Data', "Evaluate the year's Satu Data work"),
      '8 jam',
      [
        doc(
          'Draft Evaluasi Penyelenggaraan Satu Data Indonesia Kabupaten Jember',
          'Draft evaluation of Satu Data Indonesia in Jember',
        ),
      ],
      continueTo('approve_report'),
      // Steps 21–22 are yearly: one run per year on the evaluation year (workflows/year-end.ts),
      // neither a dataset's run nor the data-list cycle run. The step is done when the
      // secretariat generates the report (its version is the step's output, issue #16 item 3).
      {
        sopNo: '21',
        inputs: [
          t('Pelaksanaan rakor Evaluasi Penyelenggaraan Satu Data', 'The Satu Data evaluation meeting'),
        ],
        routing: { cycle: true },
      },
    ),
    // Not a row of the SOP: the report reaches the head of region once the custodian office's
    // leader approved it (PRODUCT.md: the leader approves publications and reports). A return
    // sends it back to step 21 with the reason; the approval records the leader's initials.
    s(
      'approve_report',
      'leader',
      t('Walidata Tingkat Daerah (Kepala Dinas)', 'Regional Data Custodian (head of office)'),
      t('Menyetujui laporan hasil Satu Data Indonesia', 'Approve the Satu Data report'),
      '1 Jam',
      [doc('Laporan hasil yang disetujui', 'The approved report')],
      [
        outcome('approve', 'Setujui', 'Approve', 'report_to_head'),
        outcome('return', 'Kembalikan ke sekretariat', 'Return to the secretariat', 'evaluate_year'),
      ],
      {
        inputs: [t('Laporan hasil yang dibuat platform', 'The report the platform generated')],
        routing: { cycle: true, approves: ['evaluate_year'] },
      },
    ),
    s(
      'report_to_head',
      'secretariat',
      SECRETARIAT,
      t('Penyampaian Laporan ke Kepala Daerah', 'Report to the head of region'),
      '3 Jam',
      [
        doc(
          'Draft Laporan Hasil Satu Data Indonesia Kabupaten Jember',
          'Draft report on Satu Data Indonesia in Jember',
        ),
      ],
      continueTo('end'),
      {
        sopNo: '22',
        inputs: [
          t(
            'Laporan hasil penyelenggaraan Satu Data Indonesia Kabupaten Jember',
            'Report on conducting Satu Data Indonesia in Jember',
          ),
        ],
        routing: { cycle: true },
      },
    ),
  ],
};
