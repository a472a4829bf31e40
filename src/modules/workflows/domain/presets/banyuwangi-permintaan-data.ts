import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, note, outcome, rec, step, t } from './builder.js';
import { BANYUWANGI_PERMINTAAN_IDENTITY } from './identities/banyuwangi.js';

/**
 * Banyuwangi regency, data request service (Diskominfo Banyuwangi, 2022), the second SOP of
 * seed 003_31bd3ce15f6acb6b.txt. The requester is a public data user; staff and the
 * sub-coordinator are the custodian office; the producing agency is the producer of the
 * request's agency (`agencyScope: 'subject'`). Two decisions: staff check availability
 * (available → deliver, not → contact the agency) and the agency confirms it (available →
 * send, not → the sub-coordinator closes the request). Titles, requirements and outputs are the
 * seed's words (seed-tables/banyuwangi.ts); the decisions' branches follow its surviving graph.
 */
const SUBCOORDINATOR = t('Sub Koordinator Statistik', 'Statistics sub-coordinator');
const STAFF = t('Staf Statistik', 'Statistics staff');
const AGENCY = t('OPD pengampu data', 'Producing agency');

export const BANYUWANGI_PERMINTAAN_DATA: WorkflowDefinition = {
  key: 'banyuwangi-layanan-permintaan-data',
  // 2: issue #12 (seed words, SOP identity, routing, positions, time fields).
  version: 2,
  processKind: 'data_request',
  title: t('Layanan Permintaan Data Kabupaten Banyuwangi', 'Banyuwangi regency: data request service'),
  source: { seed: '003_31bd3ce15f6acb6b.txt', region: 'Kabupaten Banyuwangi' },
  identity: BANYUWANGI_PERMINTAAN_IDENTITY,
  start: 'submit_request',
  steps: [
    step('submit_request', {
      sopNo: '1',
      title: t(
        'Pengguna Data mengajukan permohonan permintaan data pada Portal Satu Data',
        'The data user submits a request on the portal',
      ),
      role: 'public',
      actor: t('Pengguna Data', 'Data user'),
      inputs: [t('Permohonan', 'Application')],
      outputs: [rec('Surat / Request Permintaan data', 'Data request letter')],
      duration: '30 menit',
      transitions: continueTo('assign_staff'),
    }),
    step('assign_staff', {
      sopNo: '2',
      title: t(
        'Subkoordinator Statistik menugaskan staff memenuhi permohonan data',
        'The sub-coordinator assigns staff',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [t('Permohonan', 'Application')],
      outputs: [note('Disposisi', 'Disposition')],
      duration: '10 menit',
      transitions: continueTo('check_availability'),
      routing: { chooses: 'person' },
    }),
    step('check_availability', {
      sopNo: '3',
      title: t('Staff statistik memeriksa ketersediaan data', 'Staff check whether the data is available'),
      role: 'custodian',
      actor: STAFF,
      inputs: [t('Permohonan', 'Application')],
      outputs: [note('Data yang diminta pengguna data', 'The data the user asked for')],
      routing: { scope: { kind: 'chosen_person', chosenAt: 'assign_staff' } },
      duration: '30 menit',
      transitions: [
        outcome('available', 'Tersedia', 'Available', 'deliver_result'),
        outcome('not_available', 'Tidak tersedia', 'Not available', 'contact_agency'),
      ],
    }),
    step('contact_agency', {
      sopNo: '4',
      title: t(
        'Sub Koordinator menindaklanjuti dengan menghubungi OPD pengampu data',
        'The sub-coordinator contacts the producing agency',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [t('Data yang akan diminta', 'The data to ask for')],
      outputs: [doc('Kebutuhan Data', 'Data need')],
      duration: '120 menit',
      transitions: continueTo('agency_confirms'),
      // Disposition to the agency that holds the data: only its producers get steps 5–6.
      routing: { chooses: 'agency' },
    }),
    step('agency_confirms', {
      sopNo: '5',
      title: t('OPD mengkonfirmasi ketersediaan data', 'The agency confirms availability'),
      role: 'producer',
      actor: AGENCY,
      inputs: [t('Permohonan', 'Application')],
      outputs: [note('Data yang diminta pengguna data', 'The data the user asked for')],
      duration: '30 menit',
      routing: { scope: { kind: 'chosen_agency', chosenAt: 'contact_agency' } },
      transitions: [
        outcome('available', 'Tersedia', 'Available', 'agency_sends_data'),
        outcome('not_available', 'Tidak tersedia', 'Not available', 'confirm_closure'),
      ],
    }),
    step('agency_sends_data', {
      sopNo: '6',
      title: t('OPD pengampu data mengirimkan data yang dibutuhkan', 'The agency sends the data'),
      role: 'producer',
      actor: AGENCY,
      inputs: [
        t('Data yang diminta oleh pengguna data sudah tersedia', 'The data the user asked for is available'),
      ],
      outputs: [doc('Data statistik', 'Statistical data')],
      duration: '30 menit',
      transitions: continueTo('hand_to_staff'),
      routing: { scope: { kind: 'chosen_agency', chosenAt: 'contact_agency' } },
    }),
    step('hand_to_staff', {
      sopNo: '7',
      title: t(
        'Sub koordinator menyerahkan data kepada staf statistik',
        'The sub-coordinator hands the data to staff',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [t('Disposisi', 'Disposition')],
      outputs: [doc('Data statistik', 'Statistical data')],
      duration: '15 menit',
      transitions: continueTo('deliver_result'),
    }),
    step('deliver_result', {
      sopNo: '8',
      title: t(
        'Staff statistik menyampaikan hasil kepada pemohon data',
        'Staff deliver the result to the requester',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [
        t('Data yang diminta sudah dipenuhi/ dikonfirmasi', 'The requested data is served or confirmed'),
      ],
      outputs: [rec('Layanan permintaan data selesai', 'Request served')],
      duration: '15 menit',
      transitions: continueTo('end'),
      routing: { scope: { kind: 'chosen_person', chosenAt: 'assign_staff' } },
    }),
    step('confirm_closure', {
      sopNo: '9',
      title: t(
        'Subkoordinator mengonfirmasi pemenuhan data sudah selesai dilaksanakan',
        'The sub-coordinator confirms closure (data not available)',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [
        t('Data yang diminta oleh pengguna data tidak tersedia', 'The requested data is not available'),
      ],
      outputs: [rec('Data statistik/selesai', 'Closed')],
      duration: '30 menit',
      transitions: continueTo('end'),
    }),
  ],
};
