import type { EpssProposal } from '../../../kernel/db/schema/evaluation.js';

/**
 * The levels the platform proposes from its own records, one rule per indicator it has
 * evidence for (issue #16 item 2). Each rule is a pure function of facts the repository counts;
 * it always says why and links the evidence, and the person decides. The levels follow the
 * pattern of §3.7: 1 not done by all producers, 2 each by its own standard, 3 one standard
 * procedure for all, 4 reviewed periodically (the region's yearly evaluation of the previous year
 * is approved), 5 improved from the review — never proposed: only a document can show it.
 */
import { type Coverage, cov, type EvaluationFacts, ev, fromCoverage, type Link } from './proposal-facts.js';

export { type Coverage, type EvaluationFacts, levelFromCoverage } from './proposal-facts.js';

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
