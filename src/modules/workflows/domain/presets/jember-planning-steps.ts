import { AGENCY_BOUND_ROLES, type Role } from '../../../../kernel/access/roles.js';
import type { Bilingual, StepOutput, StepTransition, WorkflowStep } from '../definition.js';
import { continueTo, doc, FAN_OUT_ALL, rec, type StepRouting, step, t } from './builder.js';

/** Jember's actors and its step helper, shared by both halves of the preset. */
export const SECRETARIAT = t('Sekretariat Satu Data', 'Satu Data secretariat');
export const FORUM = t('Forum Satu Data (melalui Sekretariat)', 'Satu Data forum (through the secretariat)');
export const CUSTODIAN = t('Walidata Tingkat Daerah', 'Regional data custodian');
export const SUPERVISOR = t('Pembina Data Statistik (BPS)', 'Statistics data supervisor (BPS)');
export const PRODUCER = t('Produsen Data', 'Data producer');

export function s(
  id: string,
  role: Role,
  actor: Bilingual,
  title: Bilingual,
  duration: string,
  outputs: StepOutput[],
  transitions: StepTransition[],
  extra: Partial<Pick<WorkflowStep, 'feature' | 'inputs' | 'sopNo'>> & { routing?: StepRouting } = {},
): WorkflowStep {
  // Producer steps before the first dataset submission belong to the data-list cycle run:
  // every agency answers its own task (fan-out), never one task for every producer.
  const routing =
    extra.routing ?? (AGENCY_BOUND_ROLES.includes(role) && !extra.feature ? FAN_OUT_ALL : undefined);
  return step(id, {
    title,
    role,
    actor,
    duration,
    outputs,
    transitions,
    ...extra,
    ...(routing ? { routing } : {}),
  });
}

/**
 * Jember steps 1–13: planning the data list (see jember-perencanaan-penyelenggaraan.ts). Titles,
 * requirements and outputs are the seed's words (seed-tables/jember.ts); the seed's flowchart
 * shows only "Start" in the secretariat's column, so the other steps' actors are inferred from
 * their text (producer steps name the producer; the forum's meetings, steps 3, 8 and 11, are run
 * by the secretariat).
 */
export const JEMBER_PLANNING_STEPS: WorkflowStep[] = [
  s(
    'inventory_needs',
    'secretariat',
    SECRETARIAT,
    t(
      'Menginventarisir kebutuhan pemenuhan data SDI (Daftar Data) berdasarkan sumber data: RPJMD, dan RKPD serta sumber lain yang terhubung dengan statistik sektoral',
      'Inventory data needs from RPJMD, RKPD and other sources',
    ),
    '40 menit',
    [doc('Informasi kerjasama', 'Cooperation information')],
    continueTo('coordinate_inventory'),
    {
      sopNo: '1',
      inputs: [
        t('Kebijakan Kepala Daerah', "Head of region's policy"),
        t('Surat Kepala Dinas', "Agency head's letter"),
        t('Surat Pemangku Kepentingan', "Stakeholders' letters"),
        t('Disposisi', 'Disposition'),
      ],
    },
  ),
  s(
    'coordinate_inventory',
    'secretariat',
    SECRETARIAT,
    t(
      'Berkoodinasi dengan Walidata dan Pembina Data terkait daftar data yang telah diinventarisir',
      'Coordinate the inventory with the custodian and the supervisor',
    ),
    '60 menit',
    [doc('Rumusan Hasil koordinasi internal kegiatan', 'Internal coordination result')],
    continueTo('forum_data_list'),
    { sopNo: '2', inputs: [t('Agenda Koordinasi internal', 'Internal coordination agenda')] },
  ),
  s(
    'forum_data_list',
    'secretariat',
    FORUM,
    t(
      'Pembahasan Rapat Forum Satu Data terkait data dalam daftar SDI Kabupaten Jember Tahun n+1',
      'Forum meeting on the data list for year n+1',
    ),
    '180 menit',
    [doc('Tercapai kesepakatan Daftar Data Tahun n+1', 'Agreed data list for year n+1')],
    continueTo('request_identification'),
    {
      sopNo: '3',
      inputs: [
        t(
          'Rumusan Hasil koordinasi internal kegiatan dan sasaran dari SKPD',
          "Internal coordination result and the agencies' targets",
        ),
      ],
    },
  ),
  s(
    'request_identification',
    'secretariat',
    SECRETARIAT,
    t(
      'Berkoordinasi dengan Produsen data untuk identifikasi dan pengajuan data baru',
      'Ask producers to identify data and propose new data',
    ),
    '5 hari',
    [doc('Rumusan data dari produsen data yang sudah teridentifikasi', "Producers' identified data")],
    continueTo('identify_data'),
    { sopNo: '4', inputs: [t('Surat Permintaan identifikasi data', 'Data identification request letter')] },
  ),
  s(
    'identify_data',
    'producer',
    PRODUCER,
    t(
      'Produsen data melakukan identifikasi data dari daftar data sementara yang telah dibahas oleh Forum Satu data',
      'Producers identify data from the provisional list',
    ),
    '1 hari',
    [doc('Rumusan daftar data yang telah teridentifikasi', 'Identified data list')],
    continueTo('invite_user_proposals'),
    {
      sopNo: '5',
      inputs: [
        t('Daftar data sementara dari sekretariat satu data', 'Provisional list from the secretariat'),
      ],
    },
  ),
  s(
    'invite_user_proposals',
    'producer',
    PRODUCER,
    t(
      'Produsen data mengirimkan informasi kepada pengguna data untuk pengajuan daftar data',
      'Producers invite data users to propose data (web, social media)',
    ),
    '3 hari',
    [rec('Daftar data baru yang dapat dimanfaatkan oleh pengguna data', 'New data proposed by users')],
    continueTo('send_proposals'),
    {
      sopNo: '6',
      inputs: [
        t(
          'Penyebaran informasi baik secara langsung maupun melalui web dan media sosial terkait pengajuan data oleh pengguna data',
          'Word spread directly, on the web and on social media about users proposing data',
        ),
      ],
    },
  ),
  s(
    'send_proposals',
    'producer',
    PRODUCER,
    t(
      'Produsen data menyampaikn identifikasi data dan pengajuan data baru pada sekretariat satu data',
      'Producers send identifications and proposals to the secretariat',
    ),
    '1 hari',
    // The seed's output cell is cut off after "yang telah"; kept as signed.
    [doc('Rumusan daftar data yang telah', 'Proposals')],
    continueTo('forum_proposals'),
    {
      sopNo: '7',
      inputs: [
        t(
          'Daftar data yang telah diidentifikasi dan daftar data baru yang akan diajukan pada sekretariat satu data',
          'Identified data and new data to propose to the secretariat',
        ),
      ],
    },
  ),
  s(
    'forum_proposals',
    'secretariat',
    FORUM,
    t(
      'Rapat Koordinasi Forum Satu Data untuk membahas daftar data yang telah dikirim oleh Produsen Data dan Koordinasi pelaksanaan desk data',
      "Forum meeting on the producers' proposals; plan the data desk",
    ),
    '120 menit',
    [doc('Rancangan Rumusan tindak lanjut', 'Follow-up plan')],
    continueTo('data_desk'),
    {
      sopNo: '8',
      inputs: [t('Rumusan Hasil koordinasi eksternal kegiatan', 'External coordination result')],
    },
  ),
  s(
    'data_desk',
    'secretariat',
    SECRETARIAT,
    t(
      'Pelaksanaan Desk Data sesuai data yang telah di sepakati dalam Forum Satu Data',
      'Data desk on the data the forum agreed',
    ),
    '2 hari',
    [rec('Ketersediaan Daftar Data', 'Data list availability')],
    continueTo('receive_list_changes'),
    {
      sopNo: '9',
      inputs: [t('Rancangan Rumusan tindak lanjut Pelaksanaan kegiatan', 'Follow-up plan of the activity')],
    },
  ),
  s(
    'receive_list_changes',
    'secretariat',
    SECRETARIAT,
    t(
      'Menerima usulan daftar data baru dan atau perbaikan daftar data',
      'Receive new or corrected list items',
    ),
    '40 menit',
    [doc('Rumusan daftar Data', 'List draft')],
    continueTo('agree_list_formats'),
    { sopNo: '10', inputs: [t('Draft Rumusan Pelaksanaan kegiatan', 'Draft of the activity')] },
  ),
  s(
    'agree_list_formats',
    'secretariat',
    FORUM,
    t('Menyepakati daftar data dan format data', 'Agree the data list and data formats'),
    '40 menit',
    [doc('Berita Acara Kesepakatan daftar Data', 'Agreement record (Berita Acara)')],
    continueTo('agreement_per_agency'),
    {
      sopNo: '11',
      inputs: [t('Draft Dokumen Rumusan Laporan hasil rapat', 'Draft meeting report')],
    },
  ),
  s(
    'agreement_per_agency',
    'secretariat',
    SECRETARIAT,
    t('Berita Acara Kesepakatan Daftar Data', "Agreement record per agency's worksheet"),
    '1 Hari',
    [rec('Pelaksanaan Kegiatan', 'Conduct of the activity')],
    continueTo('draft_list_decree'),
    {
      sopNo: '12',
      inputs: [
        t('Kertas Kerja Daftar Data masing-masing Perangkat daerah', "Each agency's data list worksheet"),
      ],
    },
  ),
  s(
    'draft_list_decree',
    'secretariat',
    SECRETARIAT,
    t(
      'Menyusun SK Daftar Data untuk ditetapkan dengan Peraturan Kepala Daerah',
      "Draft the head of region's decree on the data list",
    ),
    '2 minggu',
    [
      doc(
        'SK Daftar Data yang ditetapkan dengan Peraturan Kepala Daerah',
        "Data list decree (SK Daftar Data) set by the head of region's regulation",
      ),
    ],
    continueTo('design_method'),
    { sopNo: '13', inputs: [t('Berita Acara Kesepakatan daftar Data', 'Agreement record (Berita Acara)')] },
  ),
];
