import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, rec, step, t } from './builder.js';

/**
 * Central Java province, Forum Data (Diskominfo Provinsi Jawa Tengah; Pergub 52/2016).
 * Seed: 000_d7c36ee3170075eb.txt. The seed's actor columns (Staf, Kasi, Kabid, Ka Dinas)
 * did not survive extraction, so each step names the Diskominfo unit that does the work:
 * staff and section head → custodian; the governor's decree, drafted for the agency head →
 * leader. Producers are provincial agencies and regencies/cities; the forum (step 7) is
 * convened by the custodian office.
 */
const STAFF = t('Staf dan Kasi Diskominfo Provinsi', 'Provincial Diskominfo staff and section head');

export const JAWA_TENGAH_FORUM_DATA: WorkflowDefinition = {
  key: 'jawa-tengah-forum-data',
  version: 1,
  processKind: 'data_list_cycle',
  title: t('Forum Data Provinsi Jawa Tengah', 'Central Java province Forum Data'),
  source: { seed: '000_d7c36ee3170075eb.txt', region: 'Provinsi Jawa Tengah' },
  start: 'draft_activity_plan',
  steps: [
    step('draft_activity_plan', {
      title: t('Menyusun Rencana Kegiatan (KAK)', 'Draft the activity plan (KAK)'),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('RKA', 'Budget plan (RKA)'), t('RAB', 'Cost estimate (RAB)'), t('Jadwal', 'Schedule')],
      outputs: [doc('RKA', 'Budget plan (RKA)'), doc('RAB', 'Cost estimate (RAB)')],
      duration: '2 minggu',
      transitions: continueTo('draft_custodian_request_letters'),
    }),
    step('draft_custodian_request_letters', {
      title: t(
        'Membuat surat permintaan personil wali data dari OPD dan Kab/Kota',
        'Draft letters asking agencies and regencies to name data custodian staff',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Pergub No 52 Tahun 2016', 'Governor Regulation 52/2016')],
      outputs: [
        doc('Surat permintaan personil ke OPD & Kab/Kota', 'Request letters to agencies and regencies'),
      ],
      duration: '1 minggu',
      transitions: continueTo('send_custodian_request_letters'),
    }),
    step('send_custodian_request_letters', {
      title: t(
        'Mengirimkan surat permintaan personil wali data ke OPD dan Kab/Kota',
        'Send the custodian staff request letters to agencies and regencies',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Pergub No 52 Tahun 2016', 'Governor Regulation 52/2016')],
      outputs: [rec('Surat permintaan personil terkirim', 'Request letters sent')],
      duration: '1 hari',
      transitions: continueTo('governor_decree'),
    }),
    step('governor_decree', {
      title: t(
        'Membuat SK Gubernur tentang Wali Data OPD dan Kab/Kota',
        "Governor's decree naming the custodian staff",
      ),
      role: 'leader',
      actor: t('Kepala Dinas Kominfo Provinsi', 'Head of the provincial Diskominfo'),
      outputs: [doc('SK Gubernur', "Governor's decree (SK Gubernur)")],
      duration: null,
      transitions: continueTo('socialise_forum'),
    }),
    step('socialise_forum', {
      title: t(
        'Melakukan sosialisasi Forum Data dan menyusun rencana kerja Tim Wali Data',
        "Socialise the forum and draft the custodian team's work plan",
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data sektoral', 'Sectoral data')],
      outputs: [
        doc('Daftar data sektoral per OPD dan Kab/Kota', 'List of sectoral data per agency and regency'),
      ],
      duration: '1 hari',
      transitions: continueTo('collect_process_analyse'),
    }),
    step('collect_process_analyse', {
      title: t('Pengumpulan, pengolahan dan analisis data', 'Collect, process and analyse data'),
      role: 'custodian',
      actor: STAFF,
      inputs: [
        t('Daftar data sektoral per OPD dan Kab/Kota', 'List of sectoral data per agency and regency'),
      ],
      outputs: [rec('Data sektoral per OPD/Kab/Kota', 'Sectoral data per agency/regency')],
      duration: '8 bulan',
      transitions: continueTo('data_forum'),
    }),
    step('data_forum', {
      title: t(
        'Forum Data dengan BPS, Bappeda, OPD Provinsi dan Kab/Kota',
        'Data forum with BPS, Bappeda, agencies and regencies',
      ),
      role: 'custodian',
      actor: t(
        'Diskominfo Provinsi bersama BPS, Bappeda, OPD dan Kab/Kota',
        'Provincial Diskominfo with BPS, Bappeda, agencies and regencies',
      ),
      inputs: [t('Data sektoral', 'Sectoral data')],
      outputs: [doc('Notulensi', 'Forum minutes (Notulensi)')],
      duration: '4 hari',
      transitions: continueTo('verify_validate'),
    }),
    step('verify_validate', {
      title: t(
        'Verifikasi dan validasi data secara teknis dengan OPD dan Kab/Kota',
        'Technical verification and validation with agencies and regencies',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data sektoral', 'Sectoral data')],
      outputs: [rec('Data terverifikasi', 'Verified data')],
      duration: '5 hari',
      transitions: continueTo('finalise_data'),
    }),
    step('finalise_data', {
      title: t('Data statistik sektoral yang sudah final', 'Finalise the sectoral data'),
      role: 'custodian',
      actor: STAFF,
      outputs: [rec('Data sektoral final', 'Final sectoral data')],
      duration: '3 hari',
      transitions: continueTo('publish_website'),
    }),
    step('publish_website', {
      title: t('Publikasi data statistik sektoral ke website', 'Publish the sectoral data on the website'),
      role: 'custodian',
      actor: STAFF,
      outputs: [rec('Data final di website', 'Final data on the website')],
      duration: '2 minggu',
      transitions: continueTo('publish_book'),
    }),
    step('publish_book', {
      title: t('Publikasi data melalui penggandaan buku', 'Publish the data as a printed book'),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Data dan analisis', 'Data and analysis')],
      outputs: [doc('Buku statistik sektoral', 'Sectoral statistics book')],
      duration: '4 minggu',
      transitions: continueTo('end'),
    }),
  ],
};
