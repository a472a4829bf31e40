import type { WorkflowDefinition } from '../definition.js';
import { continueTo, doc, outcome, rec, step, t } from './builder.js';
import { BANYUWANGI_DISEMINASI_IDENTITY } from './identities/banyuwangi.js';

/**
 * Banyuwangi regency, disseminating sectoral data (Diskominfo Banyuwangi, 2022), the first SOP
 * of seed 003_31bd3ce15f6acb6b.txt. Statistics staff and the statistics sub-coordinator are
 * the custodian office; the division head approves (leader). Staff, sub-coordinator and
 * division head are different people (positions): the sub-coordinator's disposition names the
 * staff member, and each check refuses whoever made the infographic (four eyes). The SOP draws
 * no return branch; the checks "memeriksa" imply one: the sub-coordinator and the division head
 * return the work to the staff member, and the division head may reject it to a new disposition.
 * Titles, requirements and outputs are the seed's words (seed-tables/banyuwangi.ts).
 */
const PERSON = { kind: 'chosen_person', chosenAt: 'draft_concept' } as const;
const SUBCOORDINATOR = t('Sub Koordinator Statistik', 'Statistics sub-coordinator');
const STAFF = t('Staf Statistik', 'Statistics staff');

export const BANYUWANGI_DISEMINASI: WorkflowDefinition = {
  key: 'banyuwangi-diseminasi-data',
  // 2: issue #12 (seed words, SOP identity, routing, positions, time fields).
  version: 2,
  processKind: 'infographic_dissemination',
  title: t(
    'Diseminasi Data Sektoral Kabupaten Banyuwangi',
    'Banyuwangi regency: disseminating sectoral data',
  ),
  source: { seed: '003_31bd3ce15f6acb6b.txt', region: 'Kabupaten Banyuwangi' },
  identity: BANYUWANGI_DISEMINASI_IDENTITY,
  start: 'draft_concept',
  steps: [
    step('draft_concept', {
      sopNo: '1',
      title: t(
        'Sub Koordinator Statistik membuat Konsep Diseminasi Data Sektoral melalui website Portal Data dari hasil olahan data sektoral',
        'The sub-coordinator drafts the dissemination concept from processed data',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [t('Konsep Diseminasi', 'Dissemination concept')],
      outputs: [doc('Disposisi Kepada Staf Statistik', 'Disposition to the statistics staff')],
      duration: '120 menit',
      transitions: continueTo('make_infographic'),
      routing: { position: 'sub_coordinator', supervisorPosition: 'division_head', chooses: 'person' },
    }),
    step('make_infographic', {
      sopNo: '2',
      title: t(
        'Staf Statistik membuat diseminasi data sektoral beserta narasi untuk di publikasi pada website portal satu data',
        'Staff make the infographic and narrative',
      ),
      role: 'custodian',
      actor: STAFF,
      // The seed's cell reads "Disposisi Sub Koordinator Statistik dan", cut off after "dan".
      inputs: [t('Disposisi Sub Koordinator Statistik', "The sub-coordinator's disposition")],
      outputs: [doc('Paparan / Infografis', 'Presentation / infographic')],
      duration: '240 menit',
      transitions: continueTo('submit_for_correction'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
    step('submit_for_correction', {
      sopNo: '3',
      title: t(
        'Staf Statistik mengajukan hasil untuk dikoreksi oleh Sub Koordinator Statistik',
        'Staff submit it for correction',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [
        t(
          'Data Sektoral yang telah diolah dan dianalisa serta disetujui oleh Kepala Bidang Statistik',
          'Sectoral data processed, analysed and approved by the head of the statistics division',
        ),
      ],
      outputs: [doc('Paparan / Infografis yang telah dikoreksi', 'Corrected infographic')],
      duration: '20 menit',
      transitions: continueTo('subcoordinator_check'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
    step('subcoordinator_check', {
      sopNo: '4',
      title: t(
        'Subkoordinator Statistik memeriksa hasil diseminasi data sektoral yang akan dipublikasi pada Portal Satu Data',
        'The sub-coordinator checks and initials',
      ),
      role: 'custodian',
      actor: SUBCOORDINATOR,
      inputs: [t('Paparan / Infografis', 'Presentation / infographic')],
      outputs: [
        rec(
          'Paparan / Infografis yang telah diparaf dan disetujui Sub Koordinator Statistik',
          'Infographic initialled and approved by the sub-coordinator',
        ),
      ],
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
      sopNo: '5',
      title: t(
        'Kepala Bidang Statistik memeriksa hasil diseminasi data sektoral yang akan dipublikasi pada Portal Satu Data',
        'The division head checks and approves',
      ),
      role: 'leader',
      actor: t('Kepala Bidang Statistik', 'Head of the statistics division'),
      inputs: [
        t(
          'Paparan / Infografis yang telah diparaf dan disetujui oleh Sub Koordinator Statistik',
          'Infographic initialled and approved by the sub-coordinator',
        ),
      ],
      outputs: [
        rec(
          'Paparan / Infografis yang telah diparaf dan disetujui Kepala Bidang Statistik',
          'Infographic initialled and approved by the division head',
        ),
      ],
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
      sopNo: '6',
      title: t(
        'Jika sudah disetujui oleh kabid, staf statistik mengunggah deseminasi data sektoral pada Portal Satu Data',
        'Staff upload it to the portal',
      ),
      role: 'custodian',
      actor: STAFF,
      inputs: [
        t(
          'Paparan / Infografis yang telah diparaf dan disetujui oleh Kepala Bidang Statistik',
          'Infographic initialled and approved by the division head',
        ),
      ],
      outputs: [rec('Paparan/Infografis diupload / selesai', 'Infographic uploaded / done')],
      duration: '15 menit',
      transitions: continueTo('end'),
      routing: { scope: PERSON, position: 'staff', supervisorPosition: 'sub_coordinator' },
    }),
  ],
};
