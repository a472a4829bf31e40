import { describe, expect, it } from 'vitest';
import {
  EPSS_ASPECTS,
  EPSS_DOMAINS,
  EPSS_INDICATORS,
  EPSS_LEVEL_CRITERIA,
} from '../../../kernel/db/migrations/epss-reference.js';
import {
  computeIndex,
  type EpssStructure,
  nextLevel,
  predicate,
  resolveWeights,
  round2,
  structureCounts,
} from './epss.js';

/** The seeded worksheet as the repository would load it. */
function seededStructure(): EpssStructure {
  return EPSS_DOMAINS.map((d) => ({
    code: d.code,
    name: d.name,
    weight: d.weight,
    aspects: EPSS_ASPECTS.filter((a) => a.domain === d.code).map((a) => ({
      code: a.code,
      name: a.name,
      weight: a.weight,
      indicators: EPSS_INDICATORS.filter((x) => x.aspect === a.code).map((x) => ({
        code: x.code,
        name: x.name,
        weight: x.weight,
        criteria: [...EPSS_LEVEL_CRITERIA],
      })),
    })),
  }));
}

describe('EPSS structure (STANDARDS §3.7)', () => {
  it('has 38 indicators under 19 aspects and 5 domains, each code under its parent', () => {
    const s = seededStructure();
    expect(structureCounts(s)).toEqual({ domains: 5, aspects: 19, indicators: 38 });
    expect(s.map((d) => d.aspects.length)).toEqual([4, 5, 4, 3, 3]);
    expect(s.map((d) => d.aspects.flatMap((a) => a.indicators).length)).toEqual([4, 10, 7, 10, 7]);
    for (const d of s)
      for (const a of d.aspects) {
        expect(a.code.startsWith(d.code)).toBe(true);
        for (const x of a.indicators) expect(x.code.startsWith(a.code)).toBe(true);
      }
    expect(new Set(EPSS_INDICATORS.map((x) => x.code)).size).toBe(38);
    expect(EPSS_DOMAINS.reduce((a, d) => a + d.weight, 0)).toBe(100);
    expect(EPSS_ASPECTS.filter((a) => a.domain === '3').map((a) => a.weight)).toEqual([32, 26, 21, 21]);
  });

  it("weighs each indicator by BPS's published share of the index (to the 0.01 % they publish)", () => {
    // Percent of the whole index per indicator, as BPS's EPSS material lists them.
    const published: Record<string, number> = {
      '10101': 7.0,
      '10401': 7.0,
      '20101': 3.02,
      '20102': 2.02,
      '20201': 3.84,
      '20301': 2.52,
      '20401': 1.71,
      '20402': 1.66,
      '30101': 2.01,
      '30103': 2.07,
      '30201': 4.94,
      '30301': 2.0,
      '30401': 3.99,
      '40101': 1.49,
      '40201': 2.55,
      '40304': 1.49,
      '50101': 1.39,
      '50103': 1.35,
      '50201': 3.96,
      '50301': 1.31,
      '50303': 1.35,
    };
    const share = (code: string) => {
      const x = EPSS_INDICATORS.find((i) => i.code === code);
      const a = EPSS_ASPECTS.find((y) => y.code === x?.aspect);
      const d = EPSS_DOMAINS.find((y) => y.code === a?.domain);
      return ((d?.weight ?? 0) * (a?.weight ?? 0) * (x?.weight ?? 0)) / 10_000;
    };
    for (const [code, pct] of Object.entries(published)) expect(share(code), code).toBeCloseTo(pct, 1);
    expect(EPSS_DOMAINS.map((d) => d.weight)).toEqual([28, 24, 19, 17, 12]);
    // Every level adds up to 100 within its parent, so the shares add up to the whole index.
    for (const d of EPSS_DOMAINS) {
      const aspects = EPSS_ASPECTS.filter((a) => a.domain === d.code);
      expect(
        aspects.reduce((n, a) => n + (a.weight ?? 0), 0),
        d.code,
      ).toBe(100);
      for (const a of aspects)
        expect(
          EPSS_INDICATORS.filter((x) => x.aspect === a.code).reduce((n, x) => n + x.weight, 0),
          a.code,
        ).toBeCloseTo(100, 9);
    }
    expect(EPSS_INDICATORS.reduce((n, x) => n + share(x.code), 0)).toBeCloseTo(100, 9);
  });

  it('names the indicators the issue singles out', () => {
    const name = (c: string) => EPSS_INDICATORS.find((x) => x.code === c)?.name.id;
    expect(name('40302')).toContain('Forum Satu Data');
    expect(name('40304')).toContain('Walidata');
    expect(name('50201')).toContain('Rekomendasi Kegiatan Statistik');
  });
});

describe('index arithmetic', () => {
  it('shares empty weights equally and keeps given ones', () => {
    expect(resolveWeights([null, null, null, null])).toEqual([25, 25, 25, 25]);
    expect(resolveWeights([32, 26, 21, 21])).toEqual([32, 26, 21, 21]);
    expect(resolveWeights([50, null, null])).toEqual([50, 25, 25]);
  });

  it('every indicator at level 3 gives 3 everywhere', () => {
    const s = seededStructure();
    const r = computeIndex(s, new Map(EPSS_INDICATORS.map((x) => [x.code, 3])));
    expect(r.overall).toBeCloseTo(3, 10);
    expect(r.filled).toBe(38);
    expect([...r.domains.values()].every((v) => Math.abs((v ?? 0) - 3) < 1e-9)).toBe(true);
  });

  it('weights aspects within a domain and domains within the index, by hand', () => {
    const s = seededStructure();
    const levels = new Map<string, number>(EPSS_INDICATORS.map((x) => [x.code, 1]));
    // Domain 3: planning (32%) at 4, collection (26%) at 2, checking (21%) at 30301=3, 30302=1 (mean 2), dissemination (21%) at 5.
    for (const c of ['30101', '30102', '30103']) levels.set(c, 4);
    levels.set('30201', 2);
    levels.set('30301', 3);
    levels.set('30302', 1);
    levels.set('30401', 5);
    // Domain 1: four aspects of equal share: 2, 2, 3, 5 → 3.
    levels.set('10101', 2);
    levels.set('10201', 2);
    levels.set('10301', 3);
    levels.set('10401', 5);
    const r = computeIndex(s, levels);
    expect(r.aspects.get('303')).toBeCloseTo(2, 10);
    const d3 = (32 * 4 + 26 * 2 + 21 * 2 + 21 * 5) / 100; // 3.27
    expect(r.domains.get('3')).toBeCloseTo(d3, 10);
    expect(r.domains.get('1')).toBeCloseTo(3, 10);
    expect(r.domains.get('2')).toBeCloseTo(1, 10);
    const overall = (28 * 3 + 24 * 1 + 19 * d3 + 15 * 1 + 14 * 1) / 100; // 1.9913
    expect(r.overall).toBeCloseTo(overall, 10);
    expect(round2(r.overall as number)).toBe(1.99);
    expect(predicate(r.overall as number).id).toBe('Cukup');
  });

  it('leaves unassessed indicators out and says how many are filled', () => {
    const s = seededStructure();
    const r = computeIndex(s, new Map([['10101', 4]]));
    expect(r.filled).toBe(1);
    expect(r.total).toBe(38);
    expect(r.aspects.get('101')).toBe(4);
    expect(r.aspects.get('102')).toBeNull();
    expect(r.domains.get('1')).toBe(4);
    expect(r.overall).toBe(4);
    expect(computeIndex(s, new Map()).overall).toBeNull();
  });

  it('bands the index into predicates and names the next level', () => {
    expect(predicate(1.66).id).toBe('Kurang');
    expect(predicate(1.97).id).toBe('Cukup');
    expect(predicate(2.6).id).toBe('Baik');
    expect(predicate(3.5).id).toBe('Sangat Baik');
    expect(predicate(4.2).id).toBe('Memuaskan');
    expect(nextLevel(2, [...EPSS_LEVEL_CRITERIA])).toEqual({ level: 3, criterion: EPSS_LEVEL_CRITERIA[2] });
    expect(nextLevel(null, [...EPSS_LEVEL_CRITERIA])?.level).toBe(1);
    expect(nextLevel(5, [...EPSS_LEVEL_CRITERIA])).toBeNull();
  });
});
