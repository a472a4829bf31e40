import { describe, expect, it } from 'vitest';
import {
  type Coverage,
  type EvaluationFacts,
  levelFromCoverage,
  PROPOSAL_CODES,
  proposeLevels,
} from './proposals.js';

const c = (met: number, total: number, agenciesMet: number, agenciesTotal: number): Coverage => ({
  met,
  total,
  agenciesMet,
  agenciesTotal,
});
const ALL = c(5, 5, 2, 2);
const base: EvaluationFacts = {
  year: 2026,
  reviewed: false,
  standard: ALL,
  metadata: ALL,
  openFormat: ALL,
  referenceCodes: ALL,
  availability: ALL,
  apiAccess: ALL,
  planningRuns: ALL,
  collectionRuns: ALL,
  verification: ALL,
  romantik: ALL,
  releases: ALL,
  forum: { meetings: 2, withMinutes: 2, listAgreed: true },
  requests: ALL,
  usage: 10,
};
const link = (p: string) => `https://sd.test${p}`;
const propose = (over: Partial<EvaluationFacts>) => proposeLevels({ ...base, ...over }, link);

describe('levelFromCoverage', () => {
  it('1 when not every producer does it, 2 when some items miss, 3 when all, 4 when reviewed, none without records', () => {
    expect(levelFromCoverage(c(3, 5, 1, 2), false).level).toBe(1);
    expect(levelFromCoverage(c(3, 5, 2, 2), false).level).toBe(2);
    expect(levelFromCoverage(c(5, 5, 2, 2), false).level).toBe(3);
    expect(levelFromCoverage(c(5, 5, 2, 2), true).level).toBe(4);
    expect(levelFromCoverage(c(0, 0, 0, 0), true).level).toBeNull();
  });
});

/** Each rule: the fact it reads, what level it proposes, and the evidence link it attaches. */
const RULES: { codes: string[]; fact: keyof EvaluationFacts; evidence: string }[] = [
  { codes: ['10101'], fact: 'standard', evidence: '/dataset' },
  { codes: ['10201'], fact: 'metadata', evidence: '/dataset' },
  { codes: ['10301', '20403'], fact: 'openFormat', evidence: '/dataset' },
  { codes: ['10401'], fact: 'referenceCodes', evidence: '/dataset' },
  { codes: ['20302'], fact: 'releases', evidence: '/evaluasi?tahun=2026' },
  { codes: ['20401'], fact: 'availability', evidence: '/dataset' },
  { codes: ['20402'], fact: 'apiAccess', evidence: '/dataset' },
  { codes: ['30101', '30102', '30103'], fact: 'planningRuns', evidence: '/evaluasi?tahun=2026' },
  { codes: ['30201', '30301', '30302', '30401'], fact: 'collectionRuns', evidence: '/evaluasi?tahun=2026' },
  { codes: ['40304'], fact: 'verification', evidence: '/workspace/submissions' },
  { codes: ['50201'], fact: 'romantik', evidence: '/workspace' },
  { codes: ['50103'], fact: 'requests', evidence: '/evaluasi?tahun=2026' },
];

describe('proposal rules', () => {
  it('cover the indicators the issue lists, and only those', () => {
    expect([...proposeLevels(base, link).keys()].sort()).toEqual([...PROPOSAL_CODES].sort());
  });

  for (const rule of RULES)
    it(`${rule.codes.join(', ')} read ${rule.fact}: levels 1–4 with the counts and evidence`, () => {
      const cases: [Coverage, boolean, number][] = [
        [c(1, 4, 1, 3), false, 1],
        [c(3, 4, 3, 3), false, 2],
        [c(4, 4, 3, 3), false, 3],
        [c(4, 4, 3, 3), true, 4],
      ];
      for (const [coverage, reviewed, level] of cases) {
        const out = propose({ [rule.fact]: coverage, reviewed });
        for (const code of rule.codes) {
          const p = out.get(code);
          expect(p?.level, `${code} at ${JSON.stringify(coverage)}`).toBe(level);
          expect(p?.evidence.some((e) => e.href === `https://sd.test${rule.evidence}`)).toBe(true);
          expect(p?.reason_id).toMatch(/\d/);
          expect(p?.next_id.length).toBeGreaterThan(0);
        }
      }
      const some = propose({ [rule.fact]: c(3, 4, 3, 3) }).get(rule.codes[0] as string);
      expect(some?.evidence.find((e) => e.value)?.value).toBe('3/4');
    });

  it('40302 reads forum meetings with minutes and the agreed list', () => {
    expect(propose({ forum: { meetings: 2, withMinutes: 2, listAgreed: false } }).get('40302')?.level).toBe(
      1,
    );
    expect(propose({ forum: { meetings: 2, withMinutes: 1, listAgreed: true } }).get('40302')?.level).toBe(2);
    const p = propose({ forum: { meetings: 2, withMinutes: 2, listAgreed: true } }).get('40302');
    expect(p?.level).toBe(3);
    expect(p?.evidence[0]?.value).toBe('2/2');
    expect(
      propose({ forum: { meetings: 2, withMinutes: 2, listAgreed: true }, reviewed: true }).get('40302')
        ?.level,
    ).toBe(4);
  });

  it('proposes nothing where the platform has not recorded the activity, and says so', () => {
    const out = propose({ releases: null, forum: null, requests: null, usage: 0 });
    for (const code of ['20302', '40302', '50103']) {
      expect(out.get(code)?.level).toBeNull();
      expect(out.get(code)?.reason_id).toContain('belum tercatat');
    }
    const useOnly = propose({ requests: null, usage: 7 }).get('50103');
    expect(useOnly?.level).toBe(2);
    expect(useOnly?.evidence[0]?.value).toBe('7');
  });

  it('never proposes level 5', () => {
    for (const p of propose({ reviewed: true }).values()) expect(p.level ?? 0).toBeLessThanOrEqual(4);
  });
});
