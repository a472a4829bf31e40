import type { Role } from '../../../../kernel/access/roles.js';
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
  extra: Partial<Pick<WorkflowStep, 'feature' | 'inputs'>> & { routing?: StepRouting } = {},
): WorkflowStep {
  // Producer steps before the first dataset submission belong to the data-list cycle run:
  // every agency answers its own task (fan-out), never one task for every producer.
  const routing = extra.routing ?? (role === 'producer' && !extra.feature ? FAN_OUT_ALL : undefined);
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

/** Jember steps 1–13: planning the data list (see jember-perencanaan-penyelenggaraan.ts). */
export const JEMBER_PLANNING_STEPS: WorkflowStep[] = [
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
];
