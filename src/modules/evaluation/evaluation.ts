import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { round2, type Text } from './domain/epss.js';
import { type ReleaseSummary, summariseReleases } from './domain/releases.js';
import { periodOf } from './evaluation-facts.js';
import {
  type FigureFilter,
  latestDefinitions,
  processFigures,
  stepFigures,
  type UsageFigureRow,
  usageFigures,
  type VerificationFigureRow,
  verificationFigures,
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

export { round2 };
