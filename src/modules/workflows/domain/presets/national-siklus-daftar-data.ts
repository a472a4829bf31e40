import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, step, t } from './builder.js';
import { ACTORS, NATIONAL_SOURCE, nationalIdentity } from './national-identity.js';

/**
 * National default data-list cycle: what a region runs until it adopts its own SOP. It follows
 * Perpres 39/2019 (art. 28–31): Walidata gathers the producers' proposals, Forum Satu Data (with
 * Pembina Data) agrees the list, the agreement is recorded, the head of region enacts the list,
 * each Produsen Data on it collects its data, Walidata checks each agency's data against the
 * SDI principles (returning it to that agency only) and disseminates it. The planning screens
 * drive the tagged steps (`planning`), as in every data-list cycle SOP; no region is named.
 */
const FAN_OUT = { kind: 'fan_out', chosenAt: 'enact_data_list' } as const;
const LIST = t('Daftar Data yang ditetapkan', 'Enacted data list');

export const NATIONAL_SIKLUS_DAFTAR_DATA: WorkflowDefinition = {
  key: 'nasional-siklus-daftar-data',
  version: 1,
  processKind: 'data_list_cycle',
  title: t('Siklus Daftar Data (bawaan nasional)', 'Data-list cycle (national default)'),
  source: { ...NATIONAL_SOURCE },
  identity: nationalIdentity('Penyusunan dan Pemenuhan Daftar Data', [
    ACTORS.custodian.id,
    ACTORS.forum.id,
    ACTORS.producer.id,
  ]),
  start: 'collect_proposals',
  steps: [
    step('collect_proposals', {
      title: t(
        'Walidata menghimpun usulan data dari Produsen Data dan pengguna data',
        'The custodian gathers data proposals from producers and data users',
      ),
      role: 'custodian',
      actor: ACTORS.custodian,
      inputs: [t('Daftar Data tahun berjalan', "The current year's data list")],
      outputs: [doc('Rancangan Daftar Data', 'Draft data list')],
      duration: '10 hari kerja',
      transitions: continueTo('data_forum'),
      routing: { planning: 'proposals' },
    }),
    step('data_forum', {
      title: t(
        'Forum Satu Data bersama Pembina Data membahas dan menyepakati rancangan Daftar Data',
        'The Satu Data forum, with the data supervisor, discusses and agrees the draft list',
      ),
      role: 'custodian',
      actor: ACTORS.forum,
      inputs: [t('Rancangan Daftar Data', 'Draft data list')],
      outputs: [doc('Notulen Forum Satu Data', 'Forum minutes')],
      duration: '1 hari kerja',
      transitions: continueTo('agreement_record'),
      routing: { planning: 'forum' },
    }),
    step('agreement_record', {
      title: t(
        'Walidata menyusun Berita Acara kesepakatan Daftar Data',
        'The custodian draws up the agreement record',
      ),
      role: 'custodian',
      actor: ACTORS.custodian,
      inputs: [t('Notulen Forum Satu Data', 'Forum minutes')],
      outputs: [doc('Berita Acara kesepakatan Daftar Data', 'Data list agreement record')],
      duration: '2 hari kerja',
      transitions: continueTo('enact_data_list'),
      routing: { planning: 'records' },
    }),
    step('enact_data_list', {
      title: t(
        'Walidata mencatat penetapan Daftar Data oleh Kepala Daerah',
        'The custodian records the enactment of the data list by the head of region',
      ),
      role: 'custodian',
      actor: ACTORS.custodian,
      inputs: [t('Berita Acara kesepakatan Daftar Data', 'Data list agreement record')],
      outputs: [
        doc('Keputusan Kepala Daerah tentang Daftar Data', "Head of region's decree on the data list"),
      ],
      duration: '10 hari kerja',
      transitions: continueTo('collect_data'),
      // The enacted list names the agencies that collect (one lane each).
      routing: { chooses: 'agencies', planning: 'enact' },
    }),
    step('collect_data', {
      title: t(
        'Produsen Data mengumpulkan data dan metadata sesuai Daftar Data dan mengunggahnya ke portal',
        'Each producer collects the data and metadata on the list and uploads them to the portal',
      ),
      role: 'producer',
      actor: ACTORS.producer,
      inputs: [LIST],
      outputs: [rec('Data dan metadata di portal', 'Data and metadata on the portal')],
      duration: '3 bulan',
      transitions: continueTo('check_data'),
      routing: { scope: FAN_OUT, planning: 'collect' },
    }),
    step('check_data', {
      title: t(
        'Walidata memeriksa kesesuaian data dan metadata tiap Produsen Data dengan prinsip Satu Data Indonesia',
        "The custodian checks each producer's data and metadata against the Satu Data Indonesia principles",
      ),
      role: 'custodian',
      actor: ACTORS.custodian,
      inputs: [t('Data dan metadata di portal', 'Data and metadata on the portal')],
      outputs: [rec('Data yang telah diperiksa', 'Checked data')],
      duration: '5 hari kerja',
      transitions: [
        outcome('approve', 'Sesuai: teruskan', 'Conforms: forward', 'publish_data'),
        outcome('return', 'Kembalikan ke Produsen Data', 'Return to the producer', 'collect_data'),
      ],
      routing: { scope: FAN_OUT },
    }),
    step('publish_data', {
      title: t(
        'Walidata menyebarluaskan data di portal Satu Data',
        'The custodian disseminates the data on the portal',
      ),
      role: 'custodian',
      actor: ACTORS.custodian,
      inputs: [t('Data yang telah diperiksa', 'Checked data')],
      outputs: [rec('Data terbit di portal', 'Data published on the portal')],
      duration: '1 hari kerja',
      transitions: continueTo('end'),
    }),
  ],
};
