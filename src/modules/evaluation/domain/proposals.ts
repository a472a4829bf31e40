import type { EpssEvidence, EpssProposal } from '../../../kernel/db/schema/evaluation.js';

/**
 * The levels the platform proposes from its own records, one rule per indicator it has
 * evidence for (issue #16 item 2). Each rule is a pure function of facts the repository counts;
 * it always says why and links the evidence, and the person decides. The levels follow the
 * pattern of §3.7: 1 not done by all producers, 2 each by its own standard, 3 one standard
 * procedure for all, 4 reviewed periodically (the region's yearly evaluation of the previous year
 * is approved), 5 improved from the review — never proposed: only a document can show it.
 */

/** How far a practice reaches: items (datasets, runs, …) and producing agencies. */
export interface Coverage {
  met: number;
  total: number;
  agenciesMet: number;
  agenciesTotal: number;
}

export interface EvaluationFacts {
  year: number;
  /** The yearly evaluation of the previous year was approved (the periodic review). */
  reviewed: boolean;
  /** Published datasets meeting each check (of those it applies to). */
  standard: Coverage;
  metadata: Coverage;
  openFormat: Coverage;
  referenceCodes: Coverage;
  /** Open datasets that are public with at least one resource. */
  availability: Coverage;
  /** Public datasets readable through the Data API (a DataStore table). */
  apiAccess: Coverage;
  /** Runs of each process kind in the year, completed by the SOP. */
  planningRuns: Coverage;
  collectionRuns: Coverage;
  /** Submissions of the year decided by the custodian (verified or returned). */
  verification: Coverage;
  /** Statistical activities (MS-Keg) with a BPS recommendation. */
  romantik: Coverage;
  /** From the planning module: scheduled releases published on time; null = not recorded yet. */
  releases: Coverage | null;
  /** From the planning module: forum meetings with minutes and an agreed data list; null = not recorded. */
  forum: { meetings: number; withMinutes: number; listAgreed: boolean } | null;
  /** From the request service: requests answered within the service standard; null = not recorded. */
  requests: Coverage | null;
  /** Page views + downloads + API calls counted in the year. */
  usage: number;
}

type Link = (path: string) => string;

interface RuleText {
  what_id: string;
  what_en: string;
  evidence: EpssEvidence[];
}

const pct = (met: number, total: number) => (total ? Math.round((100 * met) / total) : 0);

/** The level a coverage shows, with its reasoning; null when there is nothing to judge. */
export function levelFromCoverage(
  c: Coverage,
  reviewed: boolean,
): { level: number | null; why: 'none' | 'agencies' | 'items' | 'all' | 'reviewed' } {
  if (c.total === 0) return { level: null, why: 'none' };
  if (c.agenciesMet < c.agenciesTotal) return { level: 1, why: 'agencies' };
  if (c.met < c.total) return { level: 2, why: 'items' };
  return reviewed ? { level: 4, why: 'reviewed' } : { level: 3, why: 'all' };
}

function fromCoverage(c: Coverage | null, reviewed: boolean, t: RuleText): EpssProposal {
  if (!c)
    return {
      level: null,
      reason_id: `${t.what_id}: belum tercatat di platform.`,
      reason_en: `${t.what_en}: not recorded on the platform yet.`,
      evidence: t.evidence,
      next_id: 'Catat kegiatannya di platform agar tingkatnya dapat diusulkan.',
      next_en: 'Record the activity on the platform so a level can be proposed.',
    };
  const { level, why } = levelFromCoverage(c, reviewed);
  const share = `${c.met}/${c.total} (${pct(c.met, c.total)}%)`;
  const agencies = `${c.agenciesMet}/${c.agenciesTotal}`;
  const reason: [string, string] = {
    none: ['tidak ada catatan pada tahun ini', 'no records in this year'],
    agencies: [`baru ${agencies} produsen data yang melakukannya`, `only ${agencies} data producers do it`],
    items: [
      `seluruh produsen data melakukannya, tetapi baru ${share} memenuhi prosedur baku`,
      `every producer does it, but only ${share} follow the standard procedure`,
    ],
    all: [
      `seluruh produsen data melakukannya menurut prosedur baku (${share})`,
      `every producer does it by the standard procedure (${share})`,
    ],
    reviewed: [
      `seluruh produsen data melakukannya menurut prosedur baku (${share}) dan evaluasi tahun lalu telah disetujui`,
      `every producer does it by the standard procedure (${share}) and last year's evaluation was approved`,
    ],
  }[why] as [string, string];
  const next: [string, string] = {
    none: ['Catat kegiatannya di platform.', 'Record the activity on the platform.'],
    agencies: [
      `${c.agenciesTotal - c.agenciesMet} produsen data lagi perlu melakukannya.`,
      `${c.agenciesTotal - c.agenciesMet} more data producers need to do it.`,
    ],
    items: [
      `${c.total - c.met} lagi perlu memenuhi prosedur baku.`,
      `${c.total - c.met} more need to follow the standard procedure.`,
    ],
    all: [
      'Reviu dan evaluasi berkala: setujui evaluasi tahunan di platform.',
      'Periodic review: approve the yearly evaluation on the platform.',
    ],
    reviewed: [
      'Tunjukkan perbaikan berdasarkan hasil reviu (dokumen).',
      'Show improvements made from the review (a document).',
    ],
  }[why] as [string, string];
  return {
    level,
    reason_id: `${t.what_id}: ${reason[0]}.`,
    reason_en: `${t.what_en}: ${reason[1]}.`,
    evidence: t.evidence,
    next_id: next[0],
    next_en: next[1],
  };
}

const ev = (label_id: string, label_en: string, href: string | null, value?: string): EpssEvidence =>
  value === undefined ? { label_id, label_en, href } : { label_id, label_en, href, value };

const cov = (c: Coverage) => `${c.met}/${c.total}`;

/** Every rule, by indicator code. */
export function proposeLevels(f: EvaluationFacts, link: Link): Map<string, EpssProposal> {
  const y = f.year;
  const perf = link(`/evaluasi?tahun=${y}`);
  const catalog = link('/dataset');
  const out = new Map<string, EpssProposal>();
  const datasetsRule = (code: string, c: Coverage, id: string, en: string) =>
    out.set(
      code,
      fromCoverage(c, f.reviewed, {
        what_id: id,
        what_en: en,
        evidence: [
          ev(
            `Dataset terbit: ${id.toLowerCase()}`,
            `Published datasets: ${en.toLowerCase()}`,
            catalog,
            cov(c),
          ),
        ],
      }),
    );
  datasetsRule(
    '10101',
    f.standard,
    'Data terbit yang mengikuti Standar Data',
    'Published data following a data standard',
  );
  datasetsRule(
    '10201',
    f.metadata,
    'Data terbit dengan metadata statistik lengkap',
    'Published data with complete statistical metadata',
  );
  datasetsRule('10301', f.openFormat, 'Data terbit dalam format terbuka', 'Published data in an open format');
  datasetsRule(
    '10401',
    f.referenceCodes,
    'Data terbit yang memakai kode referensi',
    'Published data using reference codes',
  );
  out.set(
    '20302',
    fromCoverage(f.releases, f.reviewed, {
      what_id: 'Rilis tepat waktu menurut jadwal rilis',
      what_en: 'Releases on time by the release calendar',
      evidence: f.releases
        ? [
            ev(
              'Jadwal rilis dan tanggal terbit',
              'Release calendar and publication dates',
              perf,
              cov(f.releases),
            ),
          ]
        : [],
    }),
  );
  datasetsRule(
    '20401',
    f.availability,
    'Data terbuka yang tersedia bagi pengguna',
    'Open data available to users',
  );
  out.set(
    '20402',
    fromCoverage(f.apiAccess, f.reviewed, {
      what_id: 'Data terbit yang dapat diakses lewat portal dan API',
      what_en: 'Published data reachable through the portal and the API',
      evidence: [
        ev('Data terbit dengan API data', 'Published data with the Data API', catalog, cov(f.apiAccess)),
        ev('Dokumentasi API', 'API documentation', link('/api')),
      ],
    }),
  );
  datasetsRule(
    '20403',
    f.openFormat,
    'Data terbit dalam format yang dapat dibaca mesin',
    'Published data in machine-readable formats',
  );
  for (const code of ['30101', '30102', '30103'])
    out.set(
      code,
      fromCoverage(f.planningRuns, f.reviewed, {
        what_id: 'Siklus perencanaan data yang dijalankan menurut SOP',
        what_en: 'Data planning cycles run by the SOP',
        evidence: [ev('Log alur kerja perencanaan', 'Planning workflow logs', perf, cov(f.planningRuns))],
      }),
    );
  for (const code of ['30201', '30301', '30302', '30401'])
    out.set(
      code,
      fromCoverage(f.collectionRuns, f.reviewed, {
        what_id: 'Pengumpulan, pemeriksaan dan penyebarluasan data menurut SOP',
        what_en: 'Data collection, checking and dissemination by the SOP',
        evidence: [
          ev('Log alur kerja pengumpulan data', 'Collection workflow logs', perf, cov(f.collectionRuns)),
        ],
      }),
    );
  const forum = f.forum;
  out.set(
    '40302',
    forum === null
      ? fromCoverage(null, f.reviewed, {
          what_id: 'Forum Satu Data',
          what_en: 'One Data forum',
          evidence: [],
        })
      : fromCoverage(
          {
            met: forum.withMinutes,
            total: forum.meetings,
            agenciesMet: forum.listAgreed ? 1 : 0,
            agenciesTotal: 1,
          },
          f.reviewed,
          {
            what_id: 'Forum Satu Data dengan notula dan daftar data yang disepakati',
            what_en: 'One Data forum meetings with minutes and an agreed data list',
            evidence: [ev('Notula forum', 'Forum minutes', perf, `${forum.withMinutes}/${forum.meetings}`)],
          },
        ),
  );
  out.set(
    '40304',
    fromCoverage(f.verification, f.reviewed, {
      what_id: 'Kiriman data yang diperiksa walidata',
      what_en: 'Submissions checked by the data custodian',
      evidence: [
        ev(
          'Log verifikasi walidata',
          "Custodian's verification logs",
          link('/workspace/submissions'),
          cov(f.verification),
        ),
        ev('Waktu pemeriksaan per instansi', 'Checking time per agency', perf),
      ],
    }),
  );
  out.set(
    '50201',
    fromCoverage(f.romantik, f.reviewed, {
      what_id: 'Kegiatan statistik dengan rekomendasi BPS (Romantik)',
      what_en: 'Statistical activities with a BPS recommendation (Romantik)',
      evidence: [
        ev(
          'Metadata kegiatan (MS-Keg) dan status rekomendasi',
          'Activity metadata (MS-Keg) and recommendation status',
          link('/workspace'),
          cov(f.romantik),
        ),
      ],
    }),
  );
  const usage = ev(
    'Pemakaian portal (tayangan, unduhan, panggilan API)',
    'Portal use (views, downloads, API calls)',
    perf,
    String(f.usage),
  );
  out.set(
    '50103',
    f.requests
      ? fromCoverage(f.requests, f.reviewed, {
          what_id: 'Permintaan data yang dilayani dalam standar pelayanan',
          what_en: 'Data requests served within the service standard',
          evidence: [
            ev('Statistik permintaan data', 'Data request statistics', perf, cov(f.requests)),
            usage,
          ],
        })
      : f.usage > 0
        ? {
            level: 2,
            reason_id: `Pemakaian portal tercatat (${f.usage}), tetapi layanan permintaan data belum tercatat.`,
            reason_en: `Portal use is recorded (${f.usage}), but the data request service is not recorded yet.`,
            evidence: [usage],
            next_id: 'Layani permintaan data melalui platform dalam standar pelayanan.',
            next_en: 'Serve data requests through the platform within the service standard.',
          }
        : fromCoverage(null, f.reviewed, {
            what_id: 'Sosialisasi dan pemakaian data',
            what_en: 'Promotion and use of data',
            evidence: [],
          }),
  );
  return out;
}

/** Codes the platform has a rule for (the rest are judged from documents only). */
export const PROPOSAL_CODES = [
  '10101',
  '10201',
  '10301',
  '10401',
  '20302',
  '20401',
  '20402',
  '20403',
  '30101',
  '30102',
  '30103',
  '30201',
  '30301',
  '30302',
  '30401',
  '40302',
  '40304',
  '50201',
  '50103',
] as const;
