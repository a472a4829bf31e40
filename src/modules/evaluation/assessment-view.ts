import type { Kysely } from 'kysely';
import type { EpssEvidence, EpssProposal } from '../../kernel/db/schema/evaluation.js';
import type { DB } from '../../kernel/db/schema.js';
import {
  computeIndex,
  type EpssStructure,
  effectiveLevel,
  type IndexResult,
  nextLevel,
  predicate,
  type Text,
} from './domain/epss.js';
import { proposeLevels } from './domain/proposals.js';
import { findAssessment, listScores, loadStructure } from './epss.repository.js';
import { evaluationFacts } from './evaluation-facts.js';

/** The EPSS self-assessment of a year as its pages show it: levels, proposals, index, gap. */

export interface IndicatorView {
  code: string;
  name: Text;
  criteria: Text[];
  level: number | null;
  explanation: string;
  evidence: EpssEvidence[];
  assessedByName: string | null;
  proposal: EpssProposal | null;
  verifyOutcome: 'agree' | 'adjust' | null;
  verifiedLevel: number | null;
  verifyNote: string;
  verifiedByName: string | null;
  effective: number | null;
  previous: number | null;
  next: { level: number; criterion: Text } | null;
}

export interface AssessmentView {
  year: number;
  state: 'none' | 'draft' | 'submitted' | 'verified';
  structure: EpssStructure;
  indicators: Map<string, IndicatorView>;
  index: IndexResult;
  previousIndex: IndexResult | null;
  predicate: Text | null;
  verified: number;
}

async function levelsOf(db: Kysely<DB>, year: number) {
  const a = await findAssessment(db, year);
  if (!a) return null;
  return { assessment: a, scores: await listScores(db, a.id) };
}

/** A year's worksheet: the stored choices, the live proposals, the index, last year beside it. */
export async function assessmentView(
  db: Kysely<DB>,
  year: number,
  link: (p: string) => string,
): Promise<AssessmentView> {
  const structure = await loadStructure(db);
  const [current, previous, facts] = await Promise.all([
    levelsOf(db, year),
    levelsOf(db, year - 1),
    evaluationFacts(db, year),
  ]);
  const proposals = proposeLevels(facts, link);
  const stored = new Map((current?.scores ?? []).map((s) => [s.indicator_code, s]));
  const prev = new Map((previous?.scores ?? []).map((s) => [s.indicator_code, effectiveLevel(s)]));
  const indicators = new Map<string, IndicatorView>();
  for (const d of structure)
    for (const a of d.aspects)
      for (const x of a.indicators) {
        const s = stored.get(x.code);
        const effective = s ? effectiveLevel(s) : null;
        indicators.set(x.code, {
          code: x.code,
          name: x.name,
          criteria: x.criteria,
          level: s?.level ?? null,
          explanation: s?.explanation ?? '',
          evidence: s?.evidence ?? [],
          assessedByName: s?.assessed_by_name ?? null,
          proposal: proposals.get(x.code) ?? null,
          verifyOutcome: s?.verify_outcome ?? null,
          verifiedLevel: s?.verified_level ?? null,
          verifyNote: s?.verify_note ?? '',
          verifiedByName: s?.verified_by_name ?? null,
          effective,
          previous: prev.get(x.code) ?? null,
          next: nextLevel(effective, x.criteria),
        });
      }
  const index = computeIndex(structure, new Map([...indicators].map(([k, v]) => [k, v.effective])));
  return {
    year,
    state: current?.assessment.state ?? 'none',
    structure,
    indicators,
    index,
    previousIndex: previous ? computeIndex(structure, prev) : null,
    predicate: index.overall === null ? null : predicate(index.overall),
    verified: [...indicators.values()].filter((i) => i.verifyOutcome !== null).length,
  };
}
