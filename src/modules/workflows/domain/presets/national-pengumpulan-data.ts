import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, step, t } from './builder.js';
import { ACTORS, NATIONAL_SOURCE, nationalIdentity } from './national-identity.js';

/**
 * National default dataset collection and check: what a region runs until it adopts its own
 * SOP. One run follows one dataset of the data list: Produsen Data uploads it with its
 * metadata, Walidata checks it against the SDI principles (Perpres 39/2019 art. 30) and may
 * return it, Pembina Data reviews priority data (art. 13) and Walidata disseminates it. The
 * step ids, features and decisions are those of the platform's dataset flow; no region is named.
 */
const PORTAL_DATA = t('Data dan metadata di portal', 'Data and metadata on the portal');
const REPORT = t('Laporan pemeriksaan Walidata', "The custodian's check report");

export const NATIONAL_PENGUMPULAN_DATA: WorkflowDefinition = {
  key: 'nasional-pengumpulan-pemeriksaan-data',
  version: 1,
  processKind: 'dataset_collection',
  title: t(
    'Pengumpulan dan Pemeriksaan Data (bawaan nasional)',
    'Dataset collection and check (national default)',
  ),
  source: { ...NATIONAL_SOURCE },
  identity: nationalIdentity('Pengumpulan dan Pemeriksaan Data Sektoral', [
    ACTORS.producer.id,
    ACTORS.custodian.id,
    ACTORS.supervisor.id,
  ]),
  reviewNonPriority: false,
  start: 'upload_data',
  steps: [
    step('upload_data', {
      title: t(
        'Produsen Data mengunggah data beserta metadatanya ke portal Satu Data',
        'The producer uploads the data with its metadata to the portal',
      ),
      role: 'producer',
      actor: ACTORS.producer,
      inputs: [t('Daftar Data yang ditetapkan', 'Enacted data list')],
      outputs: [rec(PORTAL_DATA.id, PORTAL_DATA.en)],
      duration: '3 hari kerja',
      transitions: continueTo('verify_data'),
      feature: 'dataset_submit',
    }),
    step('verify_data', {
      title: t(
        'Walidata memeriksa kesesuaian data dan metadata dengan prinsip Satu Data Indonesia',
        'The custodian checks the data and metadata against the Satu Data Indonesia principles',
      ),
      role: 'custodian',
      actor: ACTORS.custodian,
      inputs: [PORTAL_DATA],
      outputs: [doc(REPORT.id, REPORT.en)],
      duration: '2 hari kerja',
      transitions: [
        outcome('approve', 'Setujui', 'Approve', 'review_data'),
        outcome('return', 'Kembalikan ke Produsen Data', 'Return to the producer', 'fix_data'),
      ],
      feature: 'dataset_verify',
    }),
    step('fix_data', {
      title: t(
        'Produsen Data memperbaiki data dan mengunggah ulang',
        'The producer fixes the data and resubmits',
      ),
      role: 'producer',
      actor: ACTORS.producer,
      inputs: [REPORT],
      outputs: [rec(PORTAL_DATA.id, PORTAL_DATA.en)],
      duration: '3 hari kerja',
      transitions: continueTo('verify_data'),
      feature: 'dataset_submit',
    }),
    step('review_data', {
      title: t(
        'Pembina Data memeriksa data prioritas dan memberi rekomendasi statistik',
        'The data supervisor reviews priority data and issues a statistical recommendation',
      ),
      role: 'supervisor',
      actor: ACTORS.supervisor,
      inputs: [PORTAL_DATA, REPORT],
      outputs: [doc('Rekomendasi statistik', 'Statistical recommendation')],
      duration: '3 hari kerja',
      transitions: [
        outcome('recommend', 'Rekomendasikan', 'Recommend', 'disseminate_data'),
        outcome('return', 'Kembalikan ke Produsen Data', 'Return to the producer', 'fix_data'),
      ],
      feature: 'dataset_review',
    }),
    step('disseminate_data', {
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
      feature: 'dataset_publish',
    }),
  ],
};
