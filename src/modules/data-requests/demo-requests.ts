import type { Actor } from '../../kernel/access/policy.js';
import { ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { findUser, loadActor } from '../accounts/index.js';
import { findAgency } from '../agencies/index.js';
import { dataRequestClose, dataRequestDeliver } from './actions/request-answer.js';
import { dataRequestCreate, dataRequestVerify } from './actions/request-create.js';
import { dataRequestAssign, dataRequestExtend, dataRequestRoute } from './actions/request-handle.js';
import {
  dataRequestObject,
  dataRequestObjectionAnswer,
  dataRequestRate,
} from './actions/request-requester.js';
import { dataRequestRespond } from './actions/request-respond.js';
import { setServiceClock } from './clock.js';
import { findRequestByCode } from './data-requests.repository.js';
import { publishedDatasetChoices } from './request-choices.repository.js';

const DAY_MS = 86_400_000;
/** The demo producer account of each agency a demo request is routed to. */
const PRODUCER_OF: Record<string, string> = { dinkes: 'produsen.dinkes', distan: 'produsen.pertanian' };

/** What happens to one demo request after it is filed (each step a number of days after filing). */
type Step =
  | { do: 'assign' }
  | { do: 'deliver'; keyword: string; after: number }
  | { do: 'route'; agency: string }
  | { do: 'refuse'; reason: 'not_held' | 'exempt' | 'not_yet_produced'; after: number; note: string }
  | { do: 'close'; after: number; legalGround?: string; note: string }
  | { do: 'extend'; after: number; reason: string }
  | { do: 'object'; after: number; reason: string }
  | { do: 'decide'; after: number; answer: string }
  | { do: 'rate'; after: number; scores: number[] };

interface DemoRequest {
  daysAgo: number;
  name: string;
  asked: string;
  purpose: string;
  organisation?: string;
  verified?: boolean;
  steps: Step[];
}

/**
 * The demo region's data requests (issue 14, item 7): filed over the last four months and taken
 * through the Banyuwangi SOP with the service's own actions on a clock set to each moment, so
 * the staff list, the status pages, the legal clocks and the statistics page have something in
 * every state — delivered and rated, routed and refused, closed as exempt with its legal
 * ground, one objection decided by the superior, one extended, late ones, a fresh one, and one
 * never confirmed (seen by nobody). Requesters are invented and marked as demo.
 */
const DEMO_REQUESTS: DemoRequest[] = [
  {
    daysAgo: 120,
    name: 'Andi Pratama (demo)',
    organisation: 'Universitas Contoh',
    asked: 'Prevalensi stunting balita per kecamatan 2020–2024',
    purpose: 'Penelitian skripsi gizi masyarakat',
    steps: [
      { do: 'assign' },
      { do: 'deliver', keyword: 'stunting', after: 3 },
      { do: 'rate', after: 5, scores: [4, 4, 3, 4, 4, 4, 4, 3, 4] },
    ],
  },
  {
    daysAgo: 104,
    name: 'Rudi Hartono (demo)',
    organisation: 'Kelompok Tani Makmur',
    asked: 'Produksi gabah per desa menurut musim tanam 2023',
    purpose: 'Perencanaan kelompok tani',
    steps: [
      { do: 'assign' },
      { do: 'route', agency: 'distan' },
      {
        do: 'refuse',
        reason: 'not_yet_produced',
        after: 4,
        note: 'Data per desa per musim belum dikumpulkan; yang ada per kecamatan per tahun.',
      },
      {
        do: 'close',
        after: 5,
        note: 'Data per desa belum dihasilkan; diusulkan masuk daftar data tahun depan.',
      },
      { do: 'object', after: 8, reason: 'Data per kecamatan pun akan membantu; mohon diberikan.' },
      {
        do: 'decide',
        after: 20,
        answer: 'Keberatan diterima sebagian: data per kecamatan per tahun sudah terbit di portal.',
      },
    ],
  },
  {
    daysAgo: 90,
    name: 'Maria Lestari (demo)',
    asked: 'Jumlah guru per jenjang pendidikan dan status kepegawaian',
    purpose: 'Liputan jurnalistik pendidikan',
    steps: [
      { do: 'assign' },
      { do: 'extend', after: 9, reason: 'Data guru honorer sedang direkap ulang oleh Dinas Pendidikan.' },
      { do: 'deliver', keyword: 'guru', after: 16 },
      { do: 'rate', after: 18, scores: [3, 3, 2, 4, 3, 3, 4, 3, 3] },
    ],
  },
  {
    daysAgo: 75,
    name: 'Dewi Anggraini (demo)',
    asked: 'Data rekam medis pasien demam berdarah RSUD per nama dan alamat',
    purpose: 'Penelitian epidemiologi',
    steps: [
      { do: 'assign' },
      { do: 'route', agency: 'dinkes' },
      {
        do: 'refuse',
        reason: 'exempt',
        after: 3,
        note: 'Rekam medis per orang adalah rahasia pasien; yang dapat diberikan: jumlah kasus per kecamatan.',
      },
      {
        do: 'close',
        after: 4,
        legalGround:
          'UU 14/2008 Pasal 17 huruf h angka 2 (riwayat, kondisi dan perawatan kesehatan seseorang)',
        note: 'Data per pasien dikecualikan. Jumlah kasus per kecamatan dapat diminta terpisah.',
      },
      { do: 'rate', after: 6, scores: [3, 4, 4, 4, 3, 4, 4, 3, 4] },
    ],
  },
  {
    daysAgo: 48,
    name: 'Bambang Susilo (demo)',
    organisation: 'LSM Peduli Kesehatan',
    asked: 'Jumlah tenaga kesehatan per puskesmas menurut profesi 2025',
    purpose: 'Advokasi pemerataan tenaga kesehatan',
    // Routed to the health agency and never answered: overdue.
    steps: [{ do: 'assign' }, { do: 'route', agency: 'dinkes' }],
  },
  {
    daysAgo: 30,
    name: 'Sri Wahyuni (demo)',
    asked: 'Luas lahan sawah beririgasi teknis per kecamatan',
    purpose: 'Tugas akhir teknik sipil',
    // Assigned, still being checked, past its due date.
    steps: [{ do: 'assign' }],
  },
  {
    daysAgo: 6,
    name: 'Yusuf Hidayat (demo)',
    asked: 'Jumlah penerima beasiswa daerah per kecamatan 2025',
    purpose: 'Evaluasi program beasiswa oleh BEM',
    steps: [{ do: 'assign' }],
  },
  {
    daysAgo: 1,
    name: 'Rina Kurniasih (demo)',
    asked: 'Jumlah UMKM binaan per desa dan sektor usaha',
    purpose: 'Rencana usaha koperasi',
    steps: [],
  },
  {
    daysAgo: 0,
    name: 'Tanpa Konfirmasi (demo)',
    asked: 'Data kunjungan wisatawan per objek wisata per bulan',
    purpose: 'Riset pasar',
    verified: false,
    steps: [],
  },
];

/**
 * Load the demo requests (once, inside the demo loader). `now` is the real time; each action
 * runs on the service clock set to its moment, which is given back to the system afterwards.
 */
export async function seedDemoRequests(ctx: ActionContext, now = new Date()): Promise<number> {
  const db = ctx.db;
  const walidata = await findUser(db, { username: 'walidata' });
  const leader = await findUser(db, { username: 'pimpinan' });
  if (!walidata || !leader) return 0;
  const staff = await loadActor(db, walidata.id);
  const superior = await loadActor(db, leader.id);
  const datasets = await publishedDatasetChoices(db);
  const as = (actor: Actor): ActionContext => ({ ...ctx, actor, ip: null });
  // Filing mornings at 09:00 WIB (02:00 UTC).
  const morning = (daysAgo: number, plus = 0) => {
    const d = new Date(now.getTime() - (daysAgo - plus) * DAY_MS);
    d.setUTCHours(2, 0, 0, 0);
    return d;
  };
  let n = 0;
  try {
    for (const [i, demo] of DEMO_REQUESTS.entries()) {
      setServiceClock(morning(demo.daysAgo));
      const created = await executeAction(as(ANONYMOUS), dataRequestCreate, {
        name: demo.name,
        email: `pemohon${i + 1}.demo@contoh.test`,
        organisation: demo.organisation ?? '',
        asked: demo.asked,
        purpose: demo.purpose,
        delivery: 'file',
      });
      n++;
      if (demo.verified === false) continue;
      const row = await findRequestByCode(db, created.code);
      if (!row) continue;
      const key = { code: row.code, secret: row.status_secret };
      await executeAction(as(ANONYMOUS), dataRequestVerify, key);
      const id = row.id;
      let producer: Actor | null = null;
      for (const step of demo.steps) {
        const at = 'after' in step ? morning(demo.daysAgo, step.after) : morning(demo.daysAgo);
        // Staff act an hour after the last moment.
        setServiceClock(new Date(at.getTime() + 3_600_000));
        switch (step.do) {
          case 'assign':
            await executeAction(as(staff), dataRequestAssign, { id, assignee_id: staff.userId, note: '' });
            break;
          case 'deliver': {
            const ds = datasets.find((d) => d.title.toLowerCase().includes(step.keyword)) ?? datasets[0];
            if (!ds) break;
            await executeAction(as(staff), dataRequestDeliver, { id, dataset_id: ds.id, note: '' });
            break;
          }
          case 'route': {
            const agency = await findAgency(db, { code: step.agency });
            if (!agency) break;
            await executeAction(as(staff), dataRequestRoute, { id, agency_id: agency.id, note: '' });
            const p = await findUser(db, { username: PRODUCER_OF[step.agency] ?? '' });
            producer = p ? await loadActor(db, p.id) : null;
            break;
          }
          case 'refuse':
            if (producer)
              await executeAction(as(producer), dataRequestRespond, {
                id,
                available: false,
                reason: step.reason,
                note: step.note,
              });
            break;
          case 'close':
            await executeAction(as(staff), dataRequestClose, {
              id,
              reason: (await findRequestByCode(db, row.code))?.proposed_outcome ?? 'not_held',
              legal_ground: step.legalGround ?? '',
              note: step.note,
            });
            break;
          case 'extend':
            await executeAction(as(staff), dataRequestExtend, { id, reason: step.reason });
            break;
          case 'object':
            await executeAction(as(ANONYMOUS), dataRequestObject, { ...key, reason: step.reason });
            break;
          case 'decide':
            await executeAction(as(superior), dataRequestObjectionAnswer, {
              id,
              decision: 'upheld',
              answer: step.answer,
            });
            break;
          case 'rate':
            await executeAction(as(ANONYMOUS), dataRequestRate, { ...key, scores: step.scores, comment: '' });
            break;
        }
      }
    }
  } finally {
    setServiceClock(null);
  }
  return n;
}
