import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, rec, step, t } from './builder.js';
import { JAWA_TENGAH_IDENTITY } from './identities/jawa-tengah.js';

/**
 * Central Java province, Forum Data (Diskominfo Provinsi Jawa Tengah; Pergub 52/2016).
 * Seed: 000_d7c36ee3170075eb.txt. The seed's actor columns (Staf, Kasi, Kabid, Ka Dinas)
 * did not survive extraction, so each step names the Diskominfo unit that does the work:
 * staff and section head → custodian; the governor's decree, drafted for the agency head →
 * leader. Producers are provincial agencies and regencies/cities; the forum (step 7) is
 * convened by the custodian office. Step titles, requirements and outputs are the seed's words
 * (seed-tables/jawa-tengah.ts); the seed leaves step 4's time and output blank.
 */
// The "Mulai" terminator of step 1 stands in the Staf column; the other shapes are lost.
const STAFF = t('Staf dan Kasi Diskominfo Provinsi', 'Provincial Diskominfo staff and section head');

export const JAWA_TENGAH_FORUM_DATA: WorkflowDefinition = {
  key: 'jawa-tengah-forum-data',
  // 2: issue #12 (seed words, SOP identity, routing, positions, time fields).
  // 3: issue #13 (planning steps open the planning screens).
  // 4: issue #13 (step 6 runs one lane per agency of the list step 5 set).
  version: 4,
  processKind: 'data_list_cycle',
  title: t('Forum Data Provinsi Jawa Tengah', 'Central Java province Forum Data'),
  source: { seed: '000_d7c36ee3170075eb.txt', region: 'Provinsi Jawa Tengah' },
  identity: JAWA_TENGAH_IDENTITY,
  start: 'draft_activity_plan',
  steps: [
    step('draft_activity_plan', {
      sopNo: '1',
      title: t('Menyusun Rencana Kegiatan (KAK)', 'Draft the activity plan (KAK)'),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('RKA', 'Budget plan (RKA)'), t('RAB', 'Cost estimate (RAB)'), t('Schedule', 'Schedule')],
      outputs: [doc('RKA', 'Budget plan (RKA)'), doc('RAB', 'Cost estimate (RAB)')],
      duration: '2 minggu',
      transitions: continueTo('draft_custodian_request_letters'),
    }),
    step('draft_custodian_request_letters', {
      sopNo: '2',
      title: t(
        'Membuat Surat Permintaan personil wali data dari OPD dan Kab/Kota',
        'Draft letters asking agencies and regencies to name data custodian staff',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Pergub No 52 Tahun 2016', 'Governor Regulation 52/2016')],
      outputs: [
        doc('Surat Permintaan personil ke OPD & Kab/Kota', 'Request letters to agencies and regencies'),
      ],
      duration: '1 minggu',
      transitions: continueTo('send_custodian_request_letters'),
    }),
    step('send_custodian_request_letters', {
      sopNo: '3',
      title: t(
        'Mengirimkan Surat Permintaan Personil Wali Data Ke OPD dan Kab/Kota',
        'Send the custodian staff request letters to agencies and regencies',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Pergub No 52 Tahun 2016', 'Governor Regulation 52/2016')],
      outputs: [
        rec('Surat Permintaan personil ke OPD & Kab/Kota', 'Request letters sent to agencies and regencies'),
      ],
      duration: '1 hari',
      transitions: continueTo('governor_decree'),
    }),
    step('governor_decree', {
      sopNo: '4',
      title: t(
        'Membuat SK Gubernur tentang Wali Data OPD dan Kab/Kota',
        "Governor's decree naming the custodian staff",
      ),
      role: 'leader',
      actor: t('Ka Dinas Kominfo Provinsi', 'Head of the provincial Diskominfo'),
      // The seed's Mutu Baku cells are blank for this step: no requirement, time or output.
      duration: null,
      transitions: continueTo('socialise_forum'),
    }),
    step('socialise_forum', {
      sopNo: '5',
      title: t(
        'Melakukan Sosialisasi Forum Data dan menyusun Rencana Kerja Tim Wali Data.',
        "Socialise the forum and draft the custodian team's work plan",
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data Statistik Sektoral', 'Sectoral statistics')],
      outputs: [
        doc(
          'List Data Statistik sektoral per OPD dan Kab/Kota',
          'List of sectoral data per agency and regency',
        ),
      ],
      duration: '1 hari',
      transitions: continueTo('collect_process_analyse'),
      // Its output is the list of sectoral data per agency: the agencies step 6 collects from.
      routing: { chooses: 'agencies', planning: 'enact' },
    }),
    step('collect_process_analyse', {
      sopNo: '6',
      title: t('Pengumpulan, Pengolahan dan analisis data', 'Collect, process and analyse data'),
      role: 'custodian',
      actor: STAFF,
      inputs: [
        t(
          'List Data Statistik sektoral per OPD dan Kab/Kota',
          'List of sectoral data per agency and regency',
        ),
      ],
      outputs: [rec('Data Statistik sektoral OPD & Kab/Kota', 'Sectoral data per agency/regency')],
      duration: '8 bulan',
      transitions: continueTo('data_forum'),
      // One task per agency of step 5's list (the seed's "per OPD dan Kab/Kota"): the custodian
      // office collects from each agency's PPID in its own lane; the forum (step 7) opens once
      // every agency's data is in.
      routing: { scope: { kind: 'fan_out', chosenAt: 'socialise_forum' }, planning: 'collect' },
    }),
    step('data_forum', {
      sopNo: '7',
      title: t(
        'Forum Data dgn BPS, Bappeda, OPD Prov dan Kab/Kota',
        'Data forum with BPS, Bappeda, agencies and regencies',
      ),
      role: 'custodian',
      actor: t(
        'Staf dan Kasi Diskominfo Provinsi bersama BPS, Bappeda, OPD dan Kab/Kota',
        'Provincial Diskominfo with BPS, Bappeda, agencies and regencies',
      ),
      inputs: [t('Data Statistik sektoral per OPD dan Kab/Kota', 'Sectoral data per agency and regency')],
      outputs: [doc('Notulensi Forum Data', 'Forum minutes (Notulensi)')],
      duration: '4 hari',
      transitions: continueTo('verify_validate'),
      routing: { planning: 'forum' },
    }),
    step('verify_validate', {
      sopNo: '8',
      title: t(
        'Verifikasi dan validasi data secara teknis dgn OPD dan Kab/kota',
        'Technical verification and validation with agencies and regencies',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data Statistik sektoral', 'Sectoral statistics')],
      outputs: [rec('Data Statistik Sektoral', 'Verified sectoral statistics')],
      duration: '5 hari',
      transitions: continueTo('finalise_data'),
    }),
    step('finalise_data', {
      sopNo: '9',
      title: t('Data Statistik Sektoral yg sudah final', 'Finalise the sectoral data'),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data Statistik sektoral', 'Sectoral statistics')],
      outputs: [rec('Data Statistik sektoral Final', 'Final sectoral data')],
      duration: '3 hari',
      transitions: continueTo('publish_website'),
    }),
    step('publish_website', {
      sopNo: '10',
      title: t('Publikasi Data Statistik Sektoral ke Website', 'Publish the sectoral data on the website'),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data Statistik sektoral', 'Sectoral statistics')],
      outputs: [rec('Data Statistik Final di website', 'Final data on the website')],
      duration: '2 minggu',
      transitions: continueTo('publish_book'),
    }),
    step('publish_book', {
      sopNo: '11',
      title: t('Publikasi Data melalui penggandaan Buku', 'Publish the data as a printed book'),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data Statistik sectoral dan analisisnya', 'Sectoral statistics and their analysis')],
      outputs: [doc('Buku Data Statistik Sektoral', 'Sectoral statistics book')],
      duration: '4 minggu',
      transitions: continueTo('end'),
    }),
  ],
};
