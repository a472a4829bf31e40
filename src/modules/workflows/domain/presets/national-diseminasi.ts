import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, step, t } from './builder.js';
import { ACTORS, NATIONAL_SOURCE, nationalIdentity } from './national-identity.js';

/**
 * National default infographic dissemination: what a region runs until it adopts its own SOP.
 * Walidata (Perpres 39/2019 art. 30: disseminates data) drafts, makes, checks and publishes; the
 * head of its statistics division approves. The step ids, positions, four-eyes checks and
 * decisions are those the dissemination module and the task screens drive (a disposition that
 * names the maker, a check that may return the work, an approval that may also reject it to a
 * new disposition, then the upload that publishes), with generic wording naming no region.
 */
const PERSON = { kind: 'chosen_person', chosenAt: 'draft_concept' } as const;

export const NATIONAL_DISEMINASI: WorkflowDefinition = {
  key: 'nasional-diseminasi-infografis',
  version: 1,
  processKind: 'infographic_dissemination',
  title: t('Diseminasi Infografis Data (bawaan nasional)', 'Infographic dissemination (national default)'),
  source: { ...NATIONAL_SOURCE },
  identity: nationalIdentity('Diseminasi Infografis Data', [
    ACTORS.custodianLead.id,
    ACTORS.custodianStaff.id,
    ACTORS.custodianHead.id,
  ]),
  start: 'draft_concept',
  steps: [
    step('draft_concept', {
      title: t(
        'Koordinator Walidata menyusun konsep diseminasi dari data yang telah diperiksa dan menugaskan staf',
        'The custodian coordinator drafts the dissemination concept from checked data and assigns staff',
      ),
      role: 'custodian',
      actor: ACTORS.custodianLead,
      inputs: [t('Data yang telah diperiksa Walidata', 'Data checked by the custodian')],
      outputs: [doc('Konsep diseminasi dan disposisi', 'Dissemination concept and disposition')],
      duration: '2 jam',
      transitions: continueTo('make_infographic'),
      routing: { position: 'sub_coordinator', supervisorPosition: 'division_head', chooses: 'person' },
    }),
    step('make_infographic', {
      title: t(
        'Staf Walidata membuat infografis beserta narasinya',
        'Staff make the infographic and its narrative',
      ),
      role: 'custodian',
      actor: ACTORS.custodianStaff,
      inputs: [t('Konsep diseminasi dan disposisi', 'Dissemination concept and disposition')],
      outputs: [doc('Infografis dan narasi', 'Infographic and narrative')],
      duration: '4 jam',
      transitions: continueTo('submit_for_correction'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
    step('submit_for_correction', {
      title: t(
        'Staf Walidata mengajukan infografis untuk diperiksa',
        'Staff submit the infographic for checking',
      ),
      role: 'custodian',
      actor: ACTORS.custodianStaff,
      inputs: [t('Infografis dan narasi', 'Infographic and narrative')],
      outputs: [doc('Infografis yang diajukan', 'Submitted infographic')],
      duration: '30 menit',
      transitions: continueTo('subcoordinator_check'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
    step('subcoordinator_check', {
      title: t(
        'Koordinator Walidata memeriksa kebenaran data dan keterbacaan infografis',
        'The custodian coordinator checks the data and the readability of the infographic',
      ),
      role: 'custodian',
      actor: ACTORS.custodianLead,
      inputs: [t('Infografis yang diajukan', 'Submitted infographic')],
      outputs: [rec('Infografis diparaf Koordinator Walidata', 'Infographic initialled by the coordinator')],
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
      title: t(
        'Kepala Bidang Statistik menyetujui publikasi infografis',
        'The head of the statistics division approves publication',
      ),
      role: 'leader',
      actor: ACTORS.custodianHead,
      inputs: [t('Infografis diparaf Koordinator Walidata', 'Infographic initialled by the coordinator')],
      outputs: [rec('Infografis disetujui untuk dipublikasikan', 'Infographic approved for publication')],
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
      title: t(
        'Staf Walidata mempublikasikan infografis di portal',
        'Staff publish the infographic on the portal',
      ),
      role: 'custodian',
      actor: ACTORS.custodianStaff,
      inputs: [t('Infografis disetujui untuk dipublikasikan', 'Infographic approved for publication')],
      outputs: [rec('Infografis terbit di portal', 'Infographic published on the portal')],
      duration: '15 menit',
      transitions: continueTo('end'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
  ],
};
