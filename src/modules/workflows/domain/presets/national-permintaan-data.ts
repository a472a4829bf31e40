import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, note, outcome, rec, step, t } from './builder.js';
import { ACTORS, NATIONAL_SOURCE, nationalIdentity } from './national-identity.js';

/**
 * National default data request service: what a region runs until it adopts its own SOP. The
 * roles are Perpres 39/2019's (Walidata serves requests, Produsen Data holds the data); the
 * wording is generic and names no region. The step ids and the two decisions are the ones the
 * data-requests module drives (assign, check availability, ask the producing agency, deliver or
 * close), so the service works the same whichever data request SOP the region runs.
 */
export const NATIONAL_PERMINTAAN_DATA: WorkflowDefinition = {
  key: 'nasional-layanan-permintaan-data',
  version: 1,
  processKind: 'data_request',
  title: t('Layanan Permintaan Data (bawaan nasional)', 'Data request service (national default)'),
  source: { ...NATIONAL_SOURCE },
  identity: nationalIdentity('Layanan Permintaan Data', [
    ACTORS.user.id,
    ACTORS.custodianLead.id,
    ACTORS.custodianStaff.id,
    ACTORS.producer.id,
  ]),
  start: 'submit_request',
  steps: [
    step('submit_request', {
      title: t(
        'Pengguna Data mengajukan permintaan data melalui portal',
        'The data user submits a request on the portal',
      ),
      role: 'public',
      actor: ACTORS.user,
      inputs: [t('Permohonan data', 'Data request')],
      outputs: [rec('Permintaan data tercatat', 'Recorded data request')],
      duration: '30 menit',
      transitions: continueTo('assign_staff'),
    }),
    step('assign_staff', {
      title: t(
        'Koordinator Walidata menugaskan staf untuk melayani permintaan',
        'The custodian coordinator assigns staff',
      ),
      role: 'custodian',
      actor: ACTORS.custodianLead,
      inputs: [t('Permohonan data', 'Data request')],
      outputs: [note('Disposisi', 'Disposition')],
      duration: '1 hari kerja',
      transitions: continueTo('check_availability'),
      routing: { chooses: 'person' },
    }),
    step('check_availability', {
      title: t(
        'Staf Walidata memeriksa ketersediaan data di portal',
        'Staff check whether the data is on the portal',
      ),
      role: 'custodian',
      actor: ACTORS.custodianStaff,
      inputs: [t('Permohonan data', 'Data request')],
      outputs: [note('Hasil pemeriksaan ketersediaan data', 'Availability check result')],
      duration: '1 hari kerja',
      routing: { scope: { kind: 'chosen_person', chosenAt: 'assign_staff' } },
      transitions: [
        outcome('available', 'Tersedia', 'Available', 'deliver_result'),
        outcome('not_available', 'Tidak tersedia', 'Not available', 'contact_agency'),
      ],
    }),
    step('contact_agency', {
      title: t(
        'Koordinator Walidata meneruskan permintaan kepada Produsen Data',
        'The custodian coordinator forwards the request to the data producer',
      ),
      role: 'custodian',
      actor: ACTORS.custodianLead,
      inputs: [t('Permohonan data', 'Data request')],
      outputs: [doc('Surat permintaan data kepada Produsen Data', 'Request letter to the data producer')],
      duration: '1 hari kerja',
      transitions: continueTo('agency_confirms'),
      routing: { chooses: 'agency' },
    }),
    step('agency_confirms', {
      title: t('Produsen Data mengonfirmasi ketersediaan data', 'The data producer confirms availability'),
      role: 'producer',
      actor: ACTORS.producer,
      inputs: [t('Surat permintaan data', 'Request letter')],
      outputs: [note('Konfirmasi ketersediaan data', 'Availability confirmation')],
      duration: '3 hari kerja',
      routing: { scope: { kind: 'chosen_agency', chosenAt: 'contact_agency' } },
      transitions: [
        outcome('available', 'Tersedia', 'Available', 'agency_sends_data'),
        outcome('not_available', 'Tidak tersedia', 'Not available', 'confirm_closure'),
      ],
    }),
    step('agency_sends_data', {
      title: t(
        'Produsen Data mengirimkan data beserta metadatanya',
        'The data producer sends the data with its metadata',
      ),
      role: 'producer',
      actor: ACTORS.producer,
      inputs: [t('Data yang diminta tersedia', 'The requested data is available')],
      outputs: [doc('Data dan metadata', 'Data and metadata')],
      duration: '3 hari kerja',
      transitions: continueTo('hand_to_staff'),
      routing: { scope: { kind: 'chosen_agency', chosenAt: 'contact_agency' } },
    }),
    step('hand_to_staff', {
      title: t(
        'Koordinator Walidata menyerahkan data kepada staf',
        'The custodian coordinator hands the data to staff',
      ),
      role: 'custodian',
      actor: ACTORS.custodianLead,
      inputs: [t('Data dan metadata', 'Data and metadata')],
      outputs: [doc('Data dan metadata', 'Data and metadata')],
      duration: '1 hari kerja',
      transitions: continueTo('deliver_result'),
    }),
    step('deliver_result', {
      title: t('Staf Walidata menyampaikan data kepada pemohon', 'Staff deliver the data to the requester'),
      role: 'custodian',
      actor: ACTORS.custodianStaff,
      inputs: [t('Data yang diminta', 'The requested data')],
      outputs: [rec('Permintaan data terlayani', 'Request served')],
      duration: '1 hari kerja',
      transitions: continueTo('end'),
      routing: { scope: { kind: 'chosen_person', chosenAt: 'assign_staff' } },
    }),
    step('confirm_closure', {
      title: t(
        'Koordinator Walidata menutup permintaan karena data tidak tersedia',
        'The custodian coordinator closes the request: data not available',
      ),
      role: 'custodian',
      actor: ACTORS.custodianLead,
      inputs: [t('Data yang diminta tidak tersedia', 'The requested data is not available')],
      outputs: [rec('Permintaan data ditutup', 'Request closed')],
      duration: '1 hari kerja',
      transitions: continueTo('end'),
    }),
  ],
};
