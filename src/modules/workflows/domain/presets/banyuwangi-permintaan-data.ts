import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, note, outcome, rec, step, t } from './builder.js';

/**
 * Banyuwangi regency, data request service (Diskominfo Banyuwangi, 2022), the second SOP of
 * seed 003_31bd3ce15f6acb6b.txt. The requester is a public data user; staff and the
 * sub-coordinator are the custodian office; the producing agency is the producer of the
 * request's agency (`agencyScope: 'subject'`). Two decisions: staff check availability
 * (available → deliver, not → contact the agency) and the agency confirms it (available →
 * send, not → the sub-coordinator closes the request).
 */
const SUBCOORDINATOR = t('Sub Koordinator Statistik', 'Statistics sub-coordinator');
const STAFF = t('Staf Statistik', 'Statistics staff');
const AGENCY = t('Perangkat Daerah penghasil data', 'Producing agency');

export const BANYUWANGI_PERMINTAAN_DATA: WorkflowDefinition = {
  key: 'banyuwangi-layanan-permintaan-data',
  version: 1,
  processKind: 'data_request',
  title: t('Layanan Permintaan Data Kabupaten Banyuwangi', 'Banyuwangi regency: data request service'),
  source: { seed: '003_31bd3ce15f6acb6b.txt', region: 'Kabupaten Banyuwangi' },
  start: 'submit_request',
  steps: [
    step('submit_request', {
      title: t(
        'Pengguna data mengajukan permintaan di portal',
        'The data user submits a request on the portal',
      ),
      role: 'public',
      actor: t('Pengguna Data', 'Data user'),
      outputs: [rec('Permintaan data', 'Request')],
      duration: '30 menit',
      transitions: continueTo('assign_staff'),
    }),
    step('assign_staff', {
      title: t('Sub Koordinator mendisposisikan kepada staf', 'The sub-coordinator assigns staff'),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      outputs: [note('Disposisi', 'Disposition')],
      duration: '10 menit',
      transitions: continueTo('check_availability'),
      routing: { chooses: 'person' },
    }),
    step('check_availability', {
      title: t('Staf memeriksa ketersediaan data', 'Staff check whether the data is available'),
      role: 'custodian',
      actor: STAFF,
      outputs: [note('Keputusan ketersediaan data', 'Availability decision')],
      routing: { scope: { kind: 'chosen_person', chosenAt: 'assign_staff' } },
      duration: '30 menit',
      transitions: [
        outcome('available', 'Tersedia', 'Available', 'deliver_result'),
        outcome('not_available', 'Tidak tersedia', 'Not available', 'contact_agency'),
      ],
    }),
    step('contact_agency', {
      title: t(
        'Sub Koordinator menghubungi Perangkat Daerah penghasil data',
        'The sub-coordinator contacts the producing agency',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      outputs: [doc('Kebutuhan data', 'Data need')],
      duration: '120 menit',
      transitions: continueTo('agency_confirms'),
      // Disposition to the agency that holds the data: only its producers get steps 5–6.
      routing: { chooses: 'agency' },
    }),
    step('agency_confirms', {
      title: t('Perangkat Daerah mengonfirmasi ketersediaan data', 'The agency confirms availability'),
      role: 'producer',
      actor: AGENCY,
      outputs: [note('Konfirmasi ketersediaan', 'Availability confirmation')],
      duration: '30 menit',
      routing: { scope: { kind: 'chosen_agency', chosenAt: 'contact_agency' } },
      transitions: [
        outcome('available', 'Tersedia', 'Available', 'agency_sends_data'),
        outcome('not_available', 'Tidak tersedia', 'Not available', 'confirm_closure'),
      ],
    }),
    step('agency_sends_data', {
      title: t('Perangkat Daerah mengirimkan data', 'The agency sends the data'),
      role: 'producer',
      actor: AGENCY,
      outputs: [doc('Data', 'Data')],
      duration: '30 menit',
      transitions: continueTo('hand_to_staff'),
      routing: { scope: { kind: 'chosen_agency', chosenAt: 'contact_agency' } },
    }),
    step('hand_to_staff', {
      title: t('Sub Koordinator menyerahkan data kepada staf', 'The sub-coordinator hands the data to staff'),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      outputs: [doc('Data', 'Data')],
      duration: '15 menit',
      transitions: continueTo('deliver_result'),
    }),
    step('deliver_result', {
      title: t('Staf menyampaikan hasil kepada pemohon', 'Staff deliver the result to the requester'),
      role: 'custodian',
      actor: STAFF,
      outputs: [rec('Permintaan terlayani', 'Request served')],
      duration: '15 menit',
      transitions: continueTo('end'),
      routing: { scope: { kind: 'chosen_person', chosenAt: 'assign_staff' } },
    }),
    step('confirm_closure', {
      title: t(
        'Sub Koordinator mengonfirmasi pemenuhan selesai (data tidak tersedia)',
        'The sub-coordinator confirms closure (data not available)',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [t('Data yang diminta tidak tersedia', 'The requested data is not available')],
      outputs: [rec('Selesai', 'Closed')],
      duration: '30 menit',
      transitions: continueTo('end'),
    }),
  ],
};
