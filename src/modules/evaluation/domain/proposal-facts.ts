import type { EpssEvidence, EpssProposal } from '../../../kernel/db/schema/evaluation.js';

/** What the proposal rules read (facts counted from the records) and the helpers they share. */

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

export type Link = (path: string) => string;

export interface RuleText {
  what_id: string;
  what_en: string;
  evidence: EpssEvidence[];
}

export const pct = (met: number, total: number) => (total ? Math.round((100 * met) / total) : 0);

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

export function fromCoverage(c: Coverage | null, reviewed: boolean, t: RuleText): EpssProposal {
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

export const ev = (label_id: string, label_en: string, href: string | null, value?: string): EpssEvidence =>
  value === undefined ? { label_id, label_en, href } : { label_id, label_en, href, value };

export const cov = (c: Coverage) => `${c.met}/${c.total}`;
