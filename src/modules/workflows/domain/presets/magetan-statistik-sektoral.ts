import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, FAN_OUT_ALL, outcome, rec, step, t } from './builder.js';
import { MAGETAN_IDENTITY } from './identities/magetan.js';

/**
 * Magetan regency, conducting sectoral statistics (Diskominfo Kabupaten Magetan, SOP
 * 500.14.4/1086/403.113/2024). Seed: 001_a9073a696656668d.txt. One instance follows one
 * dataset from the data list to dissemination; the platform's dataset flow drives the
 * upload (submit), the custodian's check (verify) and dissemination (publish).
 *
 * The SOP's own steps 1–4 and its flow (5a verify → 5b producer fixes) are reproduced in
 * order. The SOP has no supervisor step after the check: its supervisor recommends the
 * collection activity (step 2) before collection. Perpres 39/2019 art. 13 still requires the
 * supervisor (BPS) to review priority data, so `review_data` is added after the check for
 * the dataset flow; `reviewNonPriority: false` because the SOP does not send other data to
 * the supervisor again. The seed's actor columns did not survive extraction; actors follow
 * the SOP's flow diagram (Forum Satu Data, Pembina Data, Walidata, Produsen Data). Titles,
 * requirements and outputs are the seed's words (seed-tables/magetan.ts), its portal address
 * ("mageatan") included as signed; step 1's output and step 1b's time are blank in the seed.
 */
const PRODUCER = t('Produsen Data (Perangkat Daerah)', 'Data producer (agency)');
const CUSTODIAN = t('Walidata (Diskominfo)', 'Data custodian (Diskominfo)');
const SUPERVISOR = t('Pembina Data (BPS)', 'Data supervisor (BPS)');
const LIST_AGREEMENT = t('Kesepakatan Daftar Data', 'Agreed data list');
const RECOMMENDATION = t(
  'Surat Rekomendasi Kegiatan Statistik Sektoral Perangkat Daerah',
  "Recommendation letter for the agency's sectoral statistics activity",
);
const SDI_DATA = t('Data sesuai dengan Prinsip SDI', 'Data conforming to the SDI principles');
const PORTAL_DATA = t(
  'Data pada portal Satu Data Magetan',
  'Data on the Magetan Satu Data portal (DASATAMA)',
);
const PORTAL_UPLOAD = t(
  'Data pada portal Satu Data Magetan (https://dasatama.mageatan.go.id/)',
  'Data on the Magetan Satu Data portal (DASATAMA)',
);
const WORKSHEET = t('Lembar Kerja Metadata & SDS', 'Metadata and SDS worksheet');
const REPORT = t('Laporan pemeriksaan/verifikasi', 'Verification report');

export const MAGETAN_STATISTIK_SEKTORAL: WorkflowDefinition = {
  key: 'magetan-statistik-sektoral',
  // 2: issue #12 (seed words, SOP identity, routing, positions, time fields).
  // 3: issue #13 (planning steps open the planning screens).
  // 4: issue #13 (step 2b fans out to the agencies of the agreed list, not to every agency).
  version: 4,
  processKind: 'dataset_collection',
  title: t(
    'Penyelenggaraan Kegiatan Statistik Sektoral Kabupaten Magetan',
    'Magetan regency: conducting sectoral statistics',
  ),
  source: { seed: '001_a9073a696656668d.txt', region: 'Kabupaten Magetan' },
  identity: MAGETAN_IDENTITY,
  reviewNonPriority: false,
  // Seed identity sheet, "Durasi Waktu Pengerjaan": 3 minggu pada hari kerja (tergantung banyaknya data).
  standardTime: '3 minggu',
  start: 'set_data_list',
  steps: [
    step('set_data_list', {
      sopNo: '1',
      title: t(
        'Menyusun dan menetapkan daftar data (termasuk didalamnya daftar data prioritas). Perangkat Daerah selaku produsen data memeriksa ketersediaan data dan mengajukan daftar data yang akan dikumpulkan',
        'Set the data list incl. priority data; producers check availability and propose the data to collect',
      ),
      role: 'producer',
      actor: t('Koordinator Satu Data dan Produsen Data', 'Satu Data coordinator and data producer'),
      inputs: [t('Draft Daftar Data', 'Draft data list')],
      duration: '2 hari',
      transitions: continueTo('agree_data_list'),
      // Steps 1–3 belong to the data-list cycle run of the year: each agency proposes its own list.
      routing: { ...FAN_OUT_ALL, planning: 'proposals' },
    }),
    step('agree_data_list', {
      sopNo: '1b',
      title: t('Menyepakati daftar data', 'Agree the data list'),
      role: 'secretariat',
      actor: t('Forum Satu Data', 'Satu Data forum'),
      inputs: [t('Draft Daftar Data', 'Draft data list')],
      outputs: [
        doc('BA Forum Satu Data', 'Forum agreement record (BA)'),
        doc(LIST_AGREEMENT.id, LIST_AGREEMENT.en),
      ],
      duration: null,
      transitions: continueTo('recommend_collection'),
      // The agreed list names the agencies that collect (enacting the list chooses them).
      routing: { chooses: 'agencies', planning: 'enact' },
    }),
    step('recommend_collection', {
      sopNo: '2',
      title: t(
        'Memberikan rekomendasi dan pembinaan dalam pengumpulan data',
        'Recommend and guide the data collection (Romantik Online)',
      ),
      role: 'supervisor',
      actor: SUPERVISOR,
      inputs: [t('Romantik Online', 'Romantik Online'), LIST_AGREEMENT],
      outputs: [doc(RECOMMENDATION.id, RECOMMENDATION.en)],
      duration: '7 hari',
      transitions: continueTo('collect_data'),
    }),
    step('collect_data', {
      sopNo: '2b',
      title: t(
        'Mengumpulkan data sesuai Prinsip SDI (Memiliki Standar Data, Metadata, Memenuhi Kaidah Interoperabilitas, dan Merapkan Kaidah Kode Referensi)',
        'Collect data per the SDI principles (data standard, metadata, interoperability, reference codes)',
      ),
      role: 'producer',
      actor: PRODUCER,
      inputs: [RECOMMENDATION, LIST_AGREEMENT],
      outputs: [rec(SDI_DATA.id, SDI_DATA.en)],
      duration: '14 hari',
      transitions: continueTo('upload_data'),
      // Collection follows the Kesepakatan Daftar Data (this step's input): only the agencies
      // with rows in the agreed list collect, each in its own lane. Step 1 still asks every
      // agency, as every agency checks what it holds and proposes its rows.
      routing: { scope: { kind: 'fan_out', chosenAt: 'agree_data_list' }, planning: 'collect' },
    }),
    step('upload_data', {
      sopNo: '2c',
      title: t(
        'Mengunggah data pada portal Satu Data Magetan (https://dasatama.mageatan.go.id/)',
        'Upload the data to the Magetan Satu Data portal (DASATAMA)',
      ),
      role: 'producer',
      actor: PRODUCER,
      inputs: [
        SDI_DATA,
        t('Template data sektoral masing-masing OPD', "The agency's sectoral data template"),
      ],
      outputs: [rec(PORTAL_UPLOAD.id, PORTAL_UPLOAD.en), doc(WORKSHEET.id, WORKSHEET.en)],
      duration: '3 hari',
      transitions: continueTo('verify_data'),
      feature: 'dataset_submit',
    }),
    step('verify_data', {
      sopNo: '3',
      title: t(
        'Walidata memeriksa data yang sudah diunggah oleh Produsen Data mencakup kesesuaian dengan Prinsip SDI dan kevalidan Data',
        "The custodian checks the producer's upload for SDI conformance and validity",
      ),
      role: 'custodian',
      actor: CUSTODIAN,
      inputs: [PORTAL_DATA, WORKSHEET],
      outputs: [doc(REPORT.id, REPORT.en)],
      duration: '1 hari',
      transitions: [
        outcome('approve', 'Setujui', 'Approve', 'review_data'),
        outcome('return', 'Kembalikan ke produsen data', 'Return to the producer', 'fix_data'),
      ],
      feature: 'dataset_verify',
    }),
    // Not an SOP row: the service standard's flow "5b Memperbaiki Data" after the check.
    step('fix_data', {
      title: t(
        'Produsen data memperbaiki data dan mengunggah ulang',
        'The producer fixes the data and resubmits',
      ),
      role: 'producer',
      actor: PRODUCER,
      inputs: [REPORT],
      outputs: [rec(PORTAL_DATA.id, PORTAL_DATA.en), doc(WORKSHEET.id, WORKSHEET.en)],
      duration: null,
      transitions: continueTo('verify_data'),
      feature: 'dataset_submit',
    }),
    // Not an SOP row: the supervisor's review of priority data (Perpres 39/2019 art. 13).
    step('review_data', {
      title: t(
        'Pembina Data memeriksa data dan memberi rekomendasi statistik (wajib untuk data prioritas, Perpres 39/2019 pasal 13)',
        'The supervisor reviews the data and issues a statistical recommendation (required for priority data, Perpres 39/2019 art. 13)',
      ),
      role: 'supervisor',
      actor: SUPERVISOR,
      inputs: [PORTAL_DATA, REPORT],
      outputs: [doc('Rekomendasi statistik (nomor, tanggal)', 'Statistical recommendation (number, date)')],
      duration: null,
      transitions: [
        outcome('recommend', 'Rekomendasikan', 'Recommend', 'disseminate_data'),
        outcome('return', 'Kembalikan ke produsen data', 'Return to the producer', 'fix_data'),
      ],
      feature: 'dataset_review',
    }),
    step('disseminate_data', {
      sopNo: '4',
      title: t('Menyebarkan Data', 'Disseminate the data'),
      role: 'custodian',
      actor: CUSTODIAN,
      inputs: [
        t('Data final yang sudah sesuai dengan Prinsip SDI', 'Final data conforming to the SDI principles'),
      ],
      outputs: [
        rec(
          'Infografis atau bentuk publikasi lainnya dan data set pada portal Satu Data Magetan',
          'Infographics or other publications, and datasets on the Magetan Satu Data portal',
        ),
      ],
      duration: '1 hari',
      transitions: continueTo('end'),
      feature: 'dataset_publish',
    }),
  ],
};
