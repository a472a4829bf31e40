import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, step, t } from './builder.js';
import { MALUKU_UTARA_IDENTITY } from './identities/maluku-utara.js';

/**
 * North Maluku province, collection, analysis, management and dissemination of sectoral
 * statistics (Diskominfo Provinsi Maluku Utara, SOP 000.6/014.9/DKIP-MU/2023; time zone WIT;
 * run twice a year). Seed: 004_0d700b99eb9a4ed5.txt. A list-wide cycle, so the process kind is
 * the data-list cycle. Step 2's decision is the section head's completeness check of what the
 * producers send: incomplete data goes back to the producers (the step repeats), complete data
 * moves on. Section head and staff are the custodian office; division and agency heads approve.
 * Titles, requirements and outputs are the seed's words (seed-tables/maluku-utara.ts). No shape
 * of the seed's flowchart survived: the actors of steps 1 and 3–6 are inferred from the columns.
 */
const SECTION_HEAD = t('Kasie Statistik', 'Statistics section head');
const STAFF = t('Staf', 'Staff');

export const MALUKU_UTARA_PENGUMPULAN_DISEMINASI: WorkflowDefinition = {
  key: 'maluku-utara-pengumpulan-diseminasi',
  // 2: issue #12 (seed words, SOP identity, routing, positions, time fields).
  // 3: issue #13 (step 1 is the enacted list's request, step 2 its collection).
  version: 3,
  processKind: 'data_list_cycle',
  title: t(
    'Pengumpulan, Analisis, Pengelolaan dan Diseminasi Data Statistik Sektoral Provinsi Maluku Utara',
    'North Maluku province: collection, analysis, management and dissemination of sectoral statistics',
  ),
  source: { seed: '004_0d700b99eb9a4ed5.txt', region: 'Provinsi Maluku Utara' },
  identity: MALUKU_UTARA_IDENTITY,
  // The seed's note: "dilaksanakan dua kali dalam setahun". It names no months; January and July
  // (one cycle per half year) is our reading, for the region to change.
  recurrence: { months: [1, 7] },
  start: 'list_and_request',
  steps: [
    step('list_and_request', {
      sopNo: '1',
      title: t(
        'Menyusun daftar data sektoral yang akan dihimpun dan mengirim dokumen permintaan data sektoral kepada produsen data / OPD',
        'List the sectoral data to collect and send request documents to the producers',
      ),
      role: 'custodian',
      actor: SECTION_HEAD,
      inputs: [t('ATK, Komputer, dan data lainnya', 'Stationery, computer and other data')],
      outputs: [
        doc('daftar data sektoral', 'Sectoral data list'),
        doc('Dokumen permintaan data', 'Data request documents'),
      ],
      duration: '5 hari kerja',
      transitions: continueTo('receive_data'),
      // The request letters go to the agencies chosen here.
      routing: { chooses: 'agencies', planning: 'enact' },
    }),
    step('receive_data', {
      sopNo: '2',
      title: t(
        'Produsen data / OPD menyampaikan data dan metadata sesuai permintaan. Data yang belum lengkap dikembalikan kepada produsen data untuk dilengkapi sedangkan data yang sudah lengkap diteruskan ke Kasie pengelolaan data statistik sektoral',
        'Producers send data and metadata; incomplete data is returned, complete data goes to the section head',
      ),
      role: 'producer',
      actor: t('Produsen Data/OPD', 'Producers'),
      inputs: [
        t(
          'Data dan Metadata sektoral dari produsen data yang divalidasi oleh kasie kompilasi data',
          'Sectoral data and metadata from the producers, validated by the compilation section head',
        ),
      ],
      outputs: [
        rec('Kompilasi data dan metadata sektoral yang sudah lengkap', 'Complete sectoral data and metadata'),
      ],
      duration: '60 hari kerja',
      transitions: continueTo('check_completeness'),
      // Each agency asked in step 1 hands in its own data (fan-out), not the custodian.
      routing: { scope: { kind: 'fan_out', chosenAt: 'list_and_request' }, planning: 'collect' },
    }),
    // Inferred from step 2's text ("yang belum lengkap dikembalikan"): the statistics section
    // checks each agency's data and returns an incomplete one to that agency only.
    step('check_completeness', {
      title: t(
        'Kasie Statistik memeriksa kelengkapan data dan metadata tiap produsen data',
        "The statistics section head checks each producer's data and metadata for completeness",
      ),
      role: 'custodian',
      actor: SECTION_HEAD,
      outputs: [rec('Data dan metadata yang lengkap', 'Complete data and metadata')],
      duration: null,
      transitions: [
        outcome(
          'complete',
          'Lengkap: teruskan ke Kasie Statistik',
          'Complete: forward to the section head',
          'compile_analyse',
        ),
        outcome(
          'incomplete',
          'Belum lengkap: kembalikan ke produsen data',
          'Incomplete: return to the producer',
          'receive_data',
        ),
      ],
      routing: { scope: { kind: 'fan_out', chosenAt: 'list_and_request' } },
    }),
    step('compile_analyse', {
      sopNo: '3',
      title: t(
        'Menghimpun, mengolah, menganalisa data dan metadata yang sudah lengkap',
        'Compile, process and analyse the complete data and metadata',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [
        t(
          'Kompilasi data dan metadata sektoral yang sudah lengkap',
          'Compiled complete sectoral data and metadata',
        ),
      ],
      outputs: [
        rec(
          'Kompilasi data dan metadata sektoral yang sudah diolah dan dianalisa',
          'Processed and analysed data and metadata',
        ),
      ],
      duration: '60 hari kerja',
      transitions: continueTo('draft_report'),
    }),
    step('draft_report', {
      sopNo: '4',
      title: t(
        'Menyusun draft pelaporan dan penyajian hasil analisa data statistik sektoral',
        'Draft the report and presentation of the analysis',
      ),
      role: 'custodian',
      actor: SECTION_HEAD,
      inputs: [
        t(
          'Kompilasi data dan metadata yang sudah diolah dan dianalisa',
          'Processed and analysed data and metadata',
        ),
      ],
      outputs: [
        doc(
          'Draft pelaporan dan penyajian hasil analisa data statistik sektoral',
          'Draft report and presentation',
        ),
      ],
      duration: '15 hari kerja',
      transitions: continueTo('approve_report'),
    }),
    step('approve_report', {
      sopNo: '5',
      title: t(
        'Memeriksa dan menyetujui draft pelaporan dan penyajian hasil analisa data statistik sektoral',
        'Review and approve the draft report and presentation',
      ),
      role: 'leader',
      actor: t(
        'Kepala Bidang Persandian dan Statistik; Kepala Dinas',
        'Head of the cryptography and statistics division; agency head',
      ),
      inputs: [
        t(
          'Draft pelaporan dan penyajian hasil analisa data statistik sektoral',
          'Draft report and presentation',
        ),
      ],
      outputs: [
        doc(
          'Bahan pelaporan dan penyajian data yang telah disetujui',
          'Approved report and presentation material',
        ),
      ],
      duration: '1 hari kerja',
      transitions: continueTo('publish_portal'),
    }),
    step('publish_portal', {
      sopNo: '6',
      title: t(
        'Melakukan diseminasi dan publikasi data statistik sektoral pada portal open data',
        'Disseminate and publish on the open-data portal',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [
        t(
          'Bahan pelaporan dan penyajian hasil analisa yang sudah disetujui',
          'Approved report and presentation material',
        ),
      ],
      outputs: [rec('Diseminasi dan publikasi data', 'Publication')],
      duration: '1 hari kerja',
      transitions: continueTo('end'),
    }),
  ],
};
