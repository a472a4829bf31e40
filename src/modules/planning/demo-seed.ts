import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../kernel/actions/context.js';
import type { DataKind, RiskClass, UpdateSchedule } from '../../kernel/db/schema/planning.js';
import { dataProposalCreate } from './actions/proposals.js';
import { dataListEnact, planningRecordGenerate } from './actions/records.js';
import {
  ensureList,
  findList,
  insertItem,
  itemIdsOf,
  updateItem,
  updateList,
} from './data-list.repository.js';
import { periodsOf } from './domain/columns.js';
import { insertDecision, insertMeeting } from './forum.repository.js';
import { insertObligation } from './fulfilment.repository.js';
import { insertItemDataset } from './item-links.repository.js';
import { agencyCodes, demoDatasets } from './planning-demo.repository.js';

/** Rows the demo region plans beyond its published datasets, per agency code. */
const EXTRA: [string, string, UpdateSchedule, DataKind][] = [
  ['dinkes', 'Cakupan imunisasi dasar lengkap', 'triwulanan', 'statistik'],
  ['dinkes', 'Jumlah tenaga kesehatan menurut jenis', 'tahunan', 'statistik'],
  ['dinkes', 'Angka kematian ibu', 'tahunan', 'statistik'],
  ['dinkes', 'Prevalensi stunting balita', 'semesteran', 'statistik'],
  ['disdik', 'Angka partisipasi murni SD/MI', 'tahunan', 'statistik'],
  ['disdik', 'Rasio guru terhadap murid', 'tahunan', 'statistik'],
  ['disdik', 'Jumlah sekolah menurut akreditasi', 'tahunan', 'statistik'],
  ['distan', 'Produksi padi menurut kecamatan', 'triwulanan', 'statistik'],
  ['distan', 'Luas lahan sawah', 'tahunan', 'geospasial'],
  ['distan', 'Populasi ternak besar', 'tahunan', 'statistik'],
  ['dispendukcapil', 'Jumlah penduduk menurut kelompok umur', 'semesteran', 'statistik'],
  ['dispendukcapil', 'Kepemilikan akta kelahiran anak', 'semesteran', 'statistik'],
  ['bappeda', 'Indeks pembangunan manusia', 'tahunan', 'statistik'],
  ['bappeda', 'Realisasi indikator kinerja utama RPJMD', 'tahunan', 'statistik'],
  ['diskominfo', 'Jumlah menara telekomunikasi', 'tahunan', 'geospasial'],
  ['diskominfo', 'Desa dengan akses internet', 'tahunan', 'statistik'],
  ['setda', 'Realisasi pendapatan asli daerah', 'triwulanan', 'keuangan'],
  ['setda', 'Realisasi belanja daerah', 'triwulanan', 'keuangan'],
];

const SCHEDULE_OF: Record<string, UpdateSchedule> = {
  annual: 'tahunan',
  semiannual: 'semesteran',
  quarterly: 'triwulanan',
  monthly: 'bulanan',
};

/**
 * The demo region's planning (issue #13 item 10): last year's enacted list, this year's list
 * (every demo dataset as an item linked to it, plus planned rows without data yet, 60+ in all)
 * agreed in one forum meeting with minutes and a generated Berita Acara, then enacted; and some
 * public proposals for next year. Runs once: a region with this year's list is left alone.
 */
export async function seedPlanningDemo(
  system: ActionContext,
  custodian: Actor,
  now = new Date(),
): Promise<number> {
  const db = system.db;
  const year = now.getFullYear();
  if (await findList(db, year)) return 0;
  const ctx: ActionContext = { ...system, actor: custodian };
  const datasets = await demoDatasets(db);
  const agencies = await agencyCodes(db);
  const agencyOf = new Map(agencies.map((a) => [a.code, a.id]));
  type Row = {
    title: string;
    agencyId: string;
    schedule: UpdateSchedule;
    kind: DataKind;
    risk: RiskClass;
    datasetId: string | null;
  };
  const rows: Row[] = datasets.map((d) => ({
    title: d.title,
    agencyId: d.agency_id,
    schedule: SCHEDULE_OF[d.update_frequency ?? ''] ?? 'tahunan',
    kind: 'statistik',
    risk: d.private ? 'terbatas' : 'terbuka',
    datasetId: d.id,
  }));
  for (const [code, title, schedule, kind] of EXTRA) {
    const agencyId = agencyOf.get(code);
    if (agencyId) rows.push({ title, agencyId, schedule, kind, risk: 'terbuka', datasetId: null });
  }
  let count = 0;
  await mutate(ctx, async (trx, audit) => {
    for (const [y, share] of [
      [year - 1, Math.max(1, rows.length - 12)],
      [year, rows.length],
    ] as const) {
      const list = await ensureList(trx, y);
      for (const [n, r] of rows.slice(0, share).entries()) {
        const item = await insertItem(trx, {
          list_id: list.id,
          position: n + 1,
          id_ddd: `${String(Math.floor(n / 10) + 1).padStart(2, '0')}.${String((n % 10) + 1).padStart(2, '0')}`,
          source_reference: n % 3 === 0 ? 'RPJMD 2025-2029' : n % 3 === 1 ? 'RKPD' : 'SPM',
          data_name: r.title,
          kind: r.kind,
          agency_id: r.agencyId,
          risk_class: r.risk,
          update_schedule: r.schedule,
          priority: n % 7 === 0,
          status: y === year - 1 ? 'agreed' : 'planned',
        });
        if (r.datasetId) await insertItemDataset(trx, item.id, r.datasetId);
        if (y === year - 1)
          for (const p of periodsOf(r.schedule, y))
            await insertObligation(trx, {
              item_id: item.id,
              agency_id: r.agencyId,
              period: p.period,
              due_on: p.dueOn,
            });
        count++;
      }
      if (y === year - 1)
        await updateList(trx, list.id, {
          status: 'enacted',
          decree_number: `188/45/403.013/${y}`,
          enacted_at: new Date(`${y}-01-15T03:00:00Z`),
        });
    }
    const list = await ensureList(trx, year);
    const meeting = await insertMeeting(trx, {
      year,
      title: `Forum Satu Data Kabupaten Magetan ${year}`,
      held_on: `${year - 1}-11-18`,
      place: 'Ruang Rapat Bappelitbangda',
      agenda: 'Pembahasan dan kesepakatan Daftar Data tahun berikutnya',
      invitees: JSON.stringify([
        { agencyId: null, name: 'BPS Kabupaten Magetan' },
        { agencyId: agencyOf.get('bappeda') ?? null, name: 'Bappelitbangda' },
        ...agencies.map((a) => ({ agencyId: a.id, name: a.code })),
      ]),
      attendance: JSON.stringify([
        'BPS Kabupaten Magetan',
        'Bappelitbangda',
        'Diskominfo',
        'Dinkes',
        'Disdik',
      ]),
      minutes:
        'Forum Satu Data membahas usulan Daftar Data dari perangkat daerah. Seluruh usulan disepakati kecuali dua baris yang ditunda karena belum ada standar data.',
      minutes_recorded_at: new Date(`${year - 1}-11-18T08:00:00Z`),
      created_by: custodian.userId,
    });
    const items = await itemIdsOf(trx, list.id);
    for (const [n, it] of items.entries()) {
      const decision = n === items.length - 1 || n === items.length - 2 ? 'postponed' : 'agreed';
      await insertDecision(trx, { meeting_id: meeting.id, item_id: it.id, decision, decided_at: now });
      await updateItem(trx, it.id, { status: decision });
    }
    await updateList(trx, list.id, { status: 'discussed' });
    await audit({
      action: 'demo_planning_seed',
      subjectType: 'data_list',
      subjectId: list.id,
      summary: { years: [year - 1, year], items: count },
    });
    return meeting.id;
  }).then(async (meetingId) => {
    await executeAction(ctx, planningRecordGenerate, {
      year,
      kind: 'berita_acara',
      meeting_id: meetingId,
      signatories:
        'Kepala BPS Kabupaten Magetan|Pembina Data\nKepala Bappelitbangda|Sekretariat Satu Data\nKepala Diskominfo|Walidata',
    });
    await executeAction(ctx, planningRecordGenerate, { year, kind: 'sk_draft' });
    await executeAction(ctx, dataListEnact, { year, decree_number: `188/12/403.013/${year}` });
  });
  const visitor: ActionContext = {
    ...system,
    actor: { userId: null, username: 'anonim', roles: ['public'], agencyId: null },
  };
  for (const [name, who] of [
    ['Jumlah warung makan bersertifikat halal', 'Rina, pelaku UMKM'],
    ['Titik rawan banjir per desa', 'Forum Pengurangan Risiko Bencana'],
    ['Jumlah pengunjung perpustakaan daerah', 'Mahasiswa'],
  ] as const)
    await executeAction(visitor, dataProposalCreate, { year: year + 1, data_name: name, proposer_name: who });
  return count;
}
