import type { EpssCriterion } from '../../../kernel/db/schema/evaluation.js';

/**
 * The EPSS worksheet as the region keeps it (tables epss_domain/aspect/indicator), and the
 * arithmetic of the index (Indeks Pembangunan Statistik): an aspect's index is the weighted mean
 * of its indicators' levels, a domain's the weighted mean of its aspects', the overall index the
 * weighted mean of the domains'. A weight left empty shares what the given weights leave equally.
 * An indicator without a level counts for nothing (the index says how complete it is).
 */
export interface Text {
  id: string;
  en: string;
}
export interface IndicatorDef {
  code: string;
  name: Text;
  weight: number | null;
  criteria: EpssCriterion[];
}
export interface AspectDef {
  code: string;
  name: Text;
  weight: number | null;
  indicators: IndicatorDef[];
}
export interface DomainDef {
  code: string;
  name: Text;
  weight: number;
  aspects: AspectDef[];
}
export type EpssStructure = DomainDef[];

/** Weights of parts that may leave some empty: the empty ones share the rest of 100 equally. */
export function resolveWeights(weights: (number | null)[]): number[] {
  const given = weights.filter((w): w is number => w !== null);
  const empty = weights.length - given.length;
  const rest = Math.max(0, 100 - given.reduce((a, b) => a + b, 0));
  const share = empty ? (given.length ? rest : 100) / empty : 0;
  return weights.map((w) => (w === null ? share : w));
}

/** Weighted mean of the parts that have a value; null when none has. */
export function weightedMean(parts: { value: number | null; weight: number }[]): number | null {
  const present = parts.filter((p) => p.value !== null && p.weight > 0);
  const total = present.reduce((a, p) => a + p.weight, 0);
  if (!present.length || total === 0) return null;
  return present.reduce((a, p) => a + (p.value as number) * p.weight, 0) / total;
}

export interface IndexResult {
  overall: number | null;
  domains: Map<string, number | null>;
  aspects: Map<string, number | null>;
  /** Indicators with a level / all indicators. */
  filled: number;
  total: number;
}

/** The index of a set of indicator levels (code → level 1–5, or absent). */
export function computeIndex(
  structure: EpssStructure,
  levels: ReadonlyMap<string, number | null>,
): IndexResult {
  const aspects = new Map<string, number | null>();
  const domains = new Map<string, number | null>();
  let filled = 0;
  let total = 0;
  const domainParts = structure.map((d) => {
    const aspectWeights = resolveWeights(d.aspects.map((a) => a.weight));
    const aspectParts = d.aspects.map((a, ai) => {
      const indicatorWeights = resolveWeights(a.indicators.map((x) => x.weight));
      const value = weightedMean(
        a.indicators.map((x, xi) => {
          total++;
          const level = levels.get(x.code) ?? null;
          if (level !== null) filled++;
          return { value: level, weight: indicatorWeights[xi] as number };
        }),
      );
      aspects.set(a.code, value);
      return { value, weight: aspectWeights[ai] as number };
    });
    const value = weightedMean(aspectParts);
    domains.set(d.code, value);
    return { value, weight: d.weight };
  });
  return { overall: weightedMean(domainParts), domains, aspects, filled, total };
}

/** Round to two decimals, as the index is published (1.66). */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

export const PREDICATES = [
  { min: 4.2, name: { id: 'Memuaskan', en: 'Excellent' } },
  { min: 3.5, name: { id: 'Sangat Baik', en: 'Very good' } },
  { min: 2.6, name: { id: 'Baik', en: 'Good' } },
  { min: 1.8, name: { id: 'Cukup', en: 'Fair' } },
  { min: 0, name: { id: 'Kurang', en: 'Poor' } },
] as const;

/** The predicate of an index (the bands the IPS publishes with: Kurang < 1.8 ≤ Cukup < 2.6 …). */
export function predicate(index: number): Text {
  const r = round2(index);
  return (PREDICATES.find((p) => r >= p.min) ?? PREDICATES[4]).name;
}

/** The level that counts: BPS's verified level when it has verified, else the self-assessed one. */
export function effectiveLevel(s: { level: number | null; verified_level: number | null }): number | null {
  return s.verified_level ?? s.level;
}

/** The next level and its criterion; null at level 5. */
export function nextLevel(
  level: number | null,
  criteria: EpssCriterion[],
): { level: number; criterion: Text } | null {
  const next = (level ?? 0) + 1;
  if (next > 5) return null;
  const c = criteria[next - 1];
  return c ? { level: next, criterion: c } : null;
}

/** Count of domains, aspects, indicators (5/19/38 for the seeded worksheet). */
export function structureCounts(s: EpssStructure): { domains: number; aspects: number; indicators: number } {
  const aspects = s.flatMap((d) => d.aspects);
  return {
    domains: s.length,
    aspects: aspects.length,
    indicators: aspects.flatMap((a) => a.indicators).length,
  };
}

/**
 * Why a weight cannot be saved, or null: domain weights are required and add up to 100; the
 * given weights of aspects (within a domain) or indicators (within an aspect) add up to at most
 * 100, and to exactly 100 when none is left to share the rest.
 */
export function weightProblem(
  level: 'domain' | 'aspect' | 'indicator',
  weight: number | null,
  siblings: (number | null)[],
): Text | null {
  if (weight !== null && (weight < 0 || weight > 100))
    return { id: 'Bobot harus antara 0 dan 100', en: 'A weight must be between 0 and 100' };
  if (level === 'domain' && weight === null)
    return { id: 'Bobot domain wajib diisi', en: 'A domain needs a weight' };
  const all = [...siblings, weight];
  const sum = all.reduce<number>((a, w) => a + (w ?? 0), 0);
  const open = all.some((w) => w === null);
  if (Math.abs(sum - 100) < 1e-9 || (open && sum < 100)) return null;
  return {
    id: `Jumlah bobot menjadi ${Math.round(sum * 100) / 100}; bobot dalam satu induk harus berjumlah 100`,
    en: `The weights would add up to ${Math.round(sum * 100) / 100}; weights under one parent must add up to 100`,
  };
}
