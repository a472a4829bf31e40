import type { Role } from '../../access/roles.js';
import type {
  Bilingual,
  StepOutput,
  StepTransition,
  WorkflowDefinition,
  WorkflowStep,
} from '../definition.js';
import { continueTo, doc, outcome, rec, step, t } from './builder.js';

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
const SECRETARIAT = t('Sekretariat Satu Data', 'Satu Data secretariat');
const FORUM = t('Forum Satu Data (melalui Sekretariat)', 'Satu Data forum (through the secretariat)');
const CUSTODIAN = t('Walidata Tingkat Daerah', 'Regional data custodian');
const SUPERVISOR = t('Pembina Data Statistik (BPS)', 'Statistics data supervisor (BPS)');
const PRODUCER = t('Produsen Data', 'Data producer');

function s(
  id: string,
  role: Role,
  actor: Bilingual,
  title: Bilingual,
  duration: string,
  outputs: StepOutput[],
  transitions: StepTransition[],
  extra: Partial<Pick<WorkflowStep, 'feature' | 'inputs'>> = {},
): WorkflowStep {
  return step(id, { title, role, actor, duration, outputs, transitions, ...extra });
}

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
    s(
      'inventory_needs',
      'secretariat',
      SECRETARIAT,
      t(
        'Inventarisasi kebutuhan data dari RPJMD, RKPD dan sumber lain',
        'Inventory data needs from RPJMD, RKPD and other sources',
      ),
      '40 menit',
      [doc('Inventarisasi kebutuhan data', 'Data needs inventory')],
      continueTo('coordinate_inventory'),
    ),
    s(
      'coordinate_inventory',
      'secretariat',
      SECRETARIAT,
      t(
        'Berkoordinasi dengan Walidata dan Pembina Data terkait daftar data yang telah diinventarisir',
        'Coordinate the inventory with the custodian and the supervisor',
      ),
      '60 menit',
      [doc('Rumusan hasil koordinasi internal', 'Internal coordination result')],
      continueTo('forum_data_list'),
      { inputs: [t('Agenda koordinasi internal', 'Internal coordination agenda')] },
    ),
    s(
      'forum_data_list',
      'secretariat',
      FORUM,
      t(
        'Rapat Forum Satu Data tentang daftar data SDI tahun n+1',
        'Forum meeting on the data list for year n+1',
      ),
      '180 menit',
      [doc('Kesepakatan Daftar Data tahun n+1', 'Agreed data list for year n+1')],
      continueTo('request_identification'),
    ),
    s(
      'request_identification',
      'secretariat',
      SECRETARIAT,
      t(
        'Berkoordinasi dengan produsen data untuk identifikasi dan pengajuan data baru',
        'Ask producers to identify data and propose new data',
      ),
      '5 hari',
      [doc('Rumusan data produsen yang teridentifikasi', "Producers' identified data")],
      continueTo('identify_data'),
      { inputs: [t('Surat permintaan identifikasi data', 'Data identification request letter')] },
    ),
    s(
      'identify_data',
      'producer',
      PRODUCER,
      t(
        'Produsen data mengidentifikasi data dari daftar data sementara',
        'Producers identify data from the provisional list',
      ),
      '1 hari',
      [doc('Rumusan daftar data teridentifikasi', 'Identified data list')],
      continueTo('invite_user_proposals'),
      { inputs: [t('Daftar data sementara dari Sekretariat', 'Provisional list from the secretariat')] },
    ),
    s(
      'invite_user_proposals',
      'producer',
      PRODUCER,
      t(
        'Produsen data mengundang pengguna data mengajukan data (web, media sosial)',
        'Producers invite data users to propose data (web, social media)',
      ),
      '3 hari',
      [rec('Daftar data baru usulan pengguna', 'New data proposed by users')],
      continueTo('send_proposals'),
    ),
    s(
      'send_proposals',
      'producer',
      PRODUCER,
      t(
        'Produsen data menyampaikan identifikasi data dan pengajuan data baru ke Sekretariat',
        'Producers send identifications and proposals to the secretariat',
      ),
      '1 hari',
      [doc('Usulan daftar data', 'Proposals')],
      continueTo('forum_proposals'),
    ),
    s(
      'forum_proposals',
      'secretariat',
      FORUM,
      t(
        'Rapat Forum Satu Data membahas usulan produsen dan merencanakan desk data',
        "Forum meeting on the producers' proposals; plan the data desk",
      ),
      '120 menit',
      [doc('Rancangan rumusan tindak lanjut', 'Follow-up plan')],
      continueTo('data_desk'),
    ),
    s(
      'data_desk',
      'secretariat',
      SECRETARIAT,
      t('Pelaksanaan desk data atas data yang disepakati Forum', 'Data desk on the data the forum agreed'),
      '2 hari',
      [rec('Ketersediaan daftar data', 'Data list availability')],
      continueTo('receive_list_changes'),
    ),
    s(
      'receive_list_changes',
      'secretariat',
      SECRETARIAT,
      t(
        'Menerima usulan daftar data baru dan/atau perbaikan daftar data',
        'Receive new or corrected list items',
      ),
      '40 menit',
      [doc('Rumusan daftar data', 'List draft')],
      continueTo('agree_list_formats'),
    ),
    s(
      'agree_list_formats',
      'secretariat',
      FORUM,
      t('Menyepakati daftar data dan format data', 'Agree the data list and data formats'),
      '40 menit',
      [doc('Berita Acara kesepakatan', 'Agreement record (Berita Acara)')],
      continueTo('agreement_per_agency'),
    ),
    s(
      'agreement_per_agency',
      'secretariat',
      SECRETARIAT,
      t(
        'Berita Acara kesepakatan daftar data per kertas kerja perangkat daerah',
        "Agreement record per agency's worksheet",
      ),
      '1 hari',
      [],
      continueTo('draft_list_decree'),
      {
        inputs: [
          t('Kertas kerja daftar data masing-masing perangkat daerah', "Each agency's data list worksheet"),
        ],
      },
    ),
    s(
      'draft_list_decree',
      'secretariat',
      SECRETARIAT,
      t(
        'Menyusun rancangan SK Bupati tentang Daftar Data',
        "Draft the head of region's decree on the data list",
      ),
      '2 minggu',
      [doc('SK Daftar Data', 'Data list decree (SK Daftar Data)')],
      continueTo('design_method'),
    ),
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
    ),
    s(
      'report_to_head',
      'secretariat',
      SECRETARIAT,
      t('Melaporkan kepada Bupati', 'Report to the head of region'),
      '3 jam',
      [doc('Laporan', 'Report')],
      continueTo('end'),
    ),
  ],
};
