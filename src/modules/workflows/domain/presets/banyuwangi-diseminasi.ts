import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, step, t } from './builder.js';

/**
 * Banyuwangi regency, disseminating sectoral data (Diskominfo Banyuwangi, 2022), the first SOP
 * of seed 003_31bd3ce15f6acb6b.txt. Statistics staff and the statistics sub-coordinator are
 * the custodian office; the division head approves (leader). Staff, sub-coordinator and
 * division head are different people (positions): the sub-coordinator's disposition names the
 * staff member, and each check refuses whoever made the infographic (four eyes). The SOP draws
 * no return branch; the checks "memeriksa" imply one: the sub-coordinator and the division head
 * return the work to the staff member, and the division head may reject it to a new disposition.
 */
const PERSON = { kind: 'chosen_person', chosenAt: 'draft_concept' } as const;
const SUBCOORDINATOR = t('Sub Koordinator Statistik', 'Statistics sub-coordinator');
const STAFF = t('Staf Statistik', 'Statistics staff');

export const BANYUWANGI_DISEMINASI: WorkflowDefinition = {
  key: 'banyuwangi-diseminasi-data',
  version: 1,
  processKind: 'infographic_dissemination',
  title: t(
    'Diseminasi Data Sektoral Kabupaten Banyuwangi',
    'Banyuwangi regency: disseminating sectoral data',
  ),
  source: { seed: '003_31bd3ce15f6acb6b.txt', region: 'Kabupaten Banyuwangi' },
  start: 'draft_concept',
  steps: [
    step('draft_concept', {
      title: t(
        'Sub Koordinator menyusun konsep diseminasi dari data yang telah diolah',
        'The sub-coordinator drafts the dissemination concept from processed data',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [t('Data sektoral yang telah diolah', 'Processed sectoral data')],
      outputs: [doc('Disposisi kepada staf', 'Disposition to staff')],
      duration: '120 menit',
      transitions: continueTo('make_infographic'),
      routing: { position: 'sub_coordinator', supervisorPosition: 'division_head', chooses: 'person' },
    }),
    step('make_infographic', {
      title: t('Staf membuat infografis dan narasi', 'Staff make the infographic and narrative'),
      role: 'custodian',
      actor: STAFF,
      outputs: [doc('Infografis', 'Infographic')],
      duration: '240 menit',
      transitions: continueTo('submit_for_correction'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
    step('submit_for_correction', {
      title: t('Staf mengajukan hasil untuk dikoreksi', 'Staff submit it for correction'),
      role: 'custodian',
      actor: STAFF,
      outputs: [doc('Infografis yang telah dikoreksi', 'Corrected infographic')],
      duration: '20 menit',
      transitions: continueTo('subcoordinator_check'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
    step('subcoordinator_check', {
      title: t('Sub Koordinator memeriksa dan memaraf', 'The sub-coordinator checks and initials'),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      outputs: [rec('Disetujui Sub Koordinator', 'Approved by the sub-coordinator')],
      duration: '30 menit',
      transitions: [
        outcome('approve', 'Paraf dan teruskan', 'Initial and forward', 'division_head_approval'),
        outcome('return', 'Kembalikan untuk diperbaiki', 'Return for correction', 'make_infographic'),
      ],
      routing: {
        position: 'sub_coordinator',
        supervisorPosition: 'division_head',
        approves: ['make_infographic', 'submit_for_correction'],
      },
    }),
    step('division_head_approval', {
      title: t('Kepala Bidang memeriksa dan menyetujui', 'The division head checks and approves'),
      role: 'leader',
      actor: t('Kepala Bidang Statistik', 'Head of the statistics division'),
      outputs: [rec('Disetujui Kepala Bidang', 'Approved by the division head')],
      duration: '30 menit',
      transitions: [
        outcome('approve', 'Setujui', 'Approve', 'upload_portal'),
        outcome('return', 'Kembalikan untuk diperbaiki', 'Return for correction', 'make_infographic'),
        outcome('reject', 'Tolak: disposisi ulang', 'Reject: dispose again', 'draft_concept'),
      ],
      routing: {
        position: 'division_head',
        supervisorPosition: 'agency_head',
        approves: ['make_infographic', 'subcoordinator_check'],
      },
    }),
    step('upload_portal', {
      title: t('Staf mengunggah ke portal', 'Staff upload it to the portal'),
      role: 'custodian',
      actor: STAFF,
      outputs: [rec('Terpublikasi', 'Published')],
      duration: '15 menit',
      transitions: continueTo('end'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
  ],
};
