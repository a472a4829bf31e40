import type { Kysely } from 'kysely';
import { regionTimeZone } from '../../kernel/db/region-time-zone.repository.js';
import type { EpssEvidence, EpssProposal } from '../../kernel/db/schema/evaluation.js';
import type { DB } from '../../kernel/db/schema.js';
import { datasetConformities } from '../metadata/index.js';
import {
  computeIndex,
  type EpssStructure,
  effectiveLevel,
  type IndexResult,
  nextLevel,
  predicate,
  round2,
  type Text,
} from './domain/epss.js';
import { type Coverage, type EvaluationFacts, proposeLevels } from './domain/proposals.js';
import { type ReleaseSummary, summariseReleases } from './domain/releases.js';
import { findAssessment, listScores, loadStructure } from './epss.repository.js';
import {
  apiAccess,
  availability,
  evaluationApproved,
  publishedDatasets,
  romantikCoverage,
  runCoverage,
  usageTotal,
  verificationCoverage,
} from './facts.repository.js';
import {
  type FigureFilter,
  latestDefinitions,
  processFigures,
  stepFigures,
  type UsageFigureRow,
  usageFigures,
  type VerificationFigureRow,
  verificationFigures,
  yearBounds,
} from './figures.repository.js';
import { type ReleaseRow, releaseRows } from './releases.repository.js';
import { evaluationSources, type PlanningInputs, type RequestInputs } from './sources.js';

/** Service standards of whole processes in calendar days (SOP 001: a data request in 3 weeks). */
export const SERVICE_STANDARD_DAYS: Record<string, number> = { data_request: 21 };

export interface StepFigure {
  definitionKey: string;
  processKind: string;
  stepId: string;
  stepTitle: Text;
  standard: string | null;
  agencyId: string | null;
  n: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  withDue: number;
  inTime: number;
  /** inTime / withDue, 0..1; null when no task had a due time. */
  inTimeShare: number | null;
}

export interface ProcessFigure {
  definitionKey: string;
  processKind: string;
  title: Text;
  n: number;
  medianDays: number | null;
  p90Days: number | null;
  allStepsInTime: number;
  standardDays: number | null;
  withinStandard: number | null;
}

export interface PerformanceView {
  year: number;
  agencyId: string | null;
  topicId: string | null;
  steps: StepFigure[];
  processes: ProcessFigure[];
  verification: VerificationFigureRow[];
  usage: UsageFigureRow[];
  /** The release calendar's publications planned in the year, and their punctuality. */
  releases: { rows: ReleaseRow[]; summary: ReleaseSummary | null };
  planning: PlanningInputs | null;
  requests: RequestInputs | null;
}

interface StepDef {
  id: string;
  title?: Text;
  duration?: string | null;
}
interface DefShape {
  title?: Text;
  steps?: StepDef[];
}

export async function periodOf(
  db: Kysely<DB>,
  year: number,
): Promise<{ from: Date; to: Date; timeZone: string }> {
  const timeZone = await regionTimeZone(db);
  return { ...(await yearBounds(db, year, timeZone)), timeZone };
}

/** Every figure of the performance pages for a year (and an agency, a topic). */
export async function performance(
  db: Kysely<DB>,
  q: { year: number; agencyId?: string | null; topicId?: string | null; now?: Date },
): Promise<PerformanceView> {
  const { from, to, timeZone } = await periodOf(db, q.year);
  const f: FigureFilter = {
    from,
    to,
    timeZone,
    agencyId: q.agencyId ?? undefined,
    topicId: q.topicId ?? undefined,
  };
  const sources = evaluationSources();
  const [steps, processes, verification, usage, releases, planning, requests] = await Promise.all([
    stepFigures(db, f),
    processFigures(db, f, SERVICE_STANDARD_DAYS),
    verificationFigures(db, f),
    usageFigures(db, f),
    releaseRows(db, f, q.now ?? new Date()),
    sources.planning(db, { year: q.year, ...(q.agencyId ? { agencyId: q.agencyId } : {}) }),
    sources.requests(db, { from, to, ...(q.agencyId ? { agencyId: q.agencyId } : {}) }),
  ]);
  const defs = await latestDefinitions(db, [
    ...new Set([...steps.map((s) => s.definition_key), ...processes.map((p) => p.definition_key)]),
  ]);
  const defOf = (key: string) => (defs.get(key) ?? {}) as DefShape;
  return {
    year: q.year,
    agencyId: q.agencyId ?? null,
    topicId: q.topicId ?? null,
    steps: steps.map((s) => {
      const step = defOf(s.definition_key).steps?.find((x) => x.id === s.step_id);
      return {
        definitionKey: s.definition_key,
        processKind: s.process_kind,
        stepId: s.step_id,
        stepTitle: step?.title ?? { id: s.step_id, en: s.step_id },
        standard: step?.duration ?? null,
        agencyId: s.agency_id,
        n: s.n,
        medianMinutes: s.median,
        p90Minutes: s.p90,
        withDue: s.with_due,
        inTime: s.in_time,
        inTimeShare: s.with_due ? s.in_time / s.with_due : null,
      };
    }),
    processes: processes.map((p) => ({
      definitionKey: p.definition_key,
      processKind: p.process_kind,
      title: defOf(p.definition_key).title ?? { id: p.definition_key, en: p.definition_key },
      n: p.n,
      medianDays: p.median_days,
      p90Days: p.p90_days,
      allStepsInTime: p.all_steps_in_time,
      standardDays: SERVICE_STANDARD_DAYS[p.process_kind] ?? null,
      withinStandard: p.within_standard,
    })),
    verification,
    usage,
    releases: { rows: releases, summary: summariseReleases(releases) },
    planning,
    requests,
  };
}

/** Published datasets meeting a conformity check, as a coverage of datasets and agencies. */
function conformityCoverage(
  datasets: { id: string; agency_id: string }[],
  results: Map<string, { checks: { key: string; met: boolean; applicable: boolean }[] }>,
  keys: string[],
): Coverage {
  let met = 0;
  let total = 0;
  const agencies = new Set<string>();
  const agenciesMet = new Set<string>();
  for (const d of datasets) {
    const checks = (results.get(d.id)?.checks ?? []).filter((c) => keys.includes(c.key));
    if (!checks.length || checks.every((c) => !c.applicable)) continue;
    total++;
    agencies.add(d.agency_id);
    if (checks.every((c) => !c.applicable || c.met)) {
      met++;
      agenciesMet.add(d.agency_id);
    }
  }
  return { met, total, agenciesMet: agenciesMet.size, agenciesTotal: agencies.size };
}

/** The facts the EPSS rules read, for a year. */
export async function evaluationFacts(
  db: Kysely<DB>,
  year: number,
  now: Date = new Date(),
): Promise<EvaluationFacts> {
  const period = await periodOf(db, year);
  const { from, to } = period;
  const published = await publishedDatasets(db);
  const conformity = await datasetConformities(
    db,
    published.map((d) => d.id),
  );
  const sources = evaluationSources();
  const [planning, requests] = await Promise.all([
    sources.planning(db, { year }),
    sources.requests(db, { from, to }),
  ]);
  return {
    year,
    reviewed: await evaluationApproved(db, year - 1),
    standard: conformityCoverage(published, conformity, ['standard_linked']),
    metadata: conformityCoverage(published, conformity, [
      'activity_metadata_complete',
      'variable_metadata_complete',
    ]),
    openFormat: conformityCoverage(published, conformity, ['open_format']),
    referenceCodes: conformityCoverage(published, conformity, [
      'reference_codes_bound',
      'reference_codes_valid',
    ]),
    availability: await availability(db),
    apiAccess: await apiAccess(db),
    planningRuns: await runCoverage(db, 'data_list_cycle', from, to),
    collectionRuns: await runCoverage(db, 'dataset_collection', from, to),
    verification: await verificationCoverage(db, from, to),
    romantik: await romantikCoverage(db),
    releases: summariseReleases(await releaseRows(db, period, now)),
    forum: planning?.forum ?? null,
    requests: requests
      ? {
          met: requests.withinStandard,
          total: requests.total,
          agenciesMet: requests.agenciesServing,
          agenciesTotal: requests.agenciesAsked,
        }
      : null,
    usage: await usageTotal(db, period),
  };
}

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

export { round2 };
