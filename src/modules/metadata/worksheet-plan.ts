import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { Classification } from '../../kernel/db/schema/sdi.js';
import type { DB } from '../../kernel/db/schema.js';
import type { WorksheetData } from './worksheet.js';
import { planDatasets, planIndicators, planVariables } from './worksheet-plan-datasets.js';
import { planActivities, planStandards } from './worksheet-plan-standards.js';
import { WorksheetProblems, WorksheetRefusedError } from './worksheet-problems.js';

/** What a checked worksheet writes: each record with whether it is new or which row it changes. */
export interface Plan {
  standards: {
    row: number;
    existingId: string | null;
    name: string;
    content: Record<string, string | null>;
  }[];
  activities: {
    ref: string;
    existingId: string | null;
    agencyId: string | null;
    fields: {
      title: string;
      activity_code: string | null;
      recommendation_status: string;
      recommendation_number: string | null;
      recommendation_date: string | null;
    };
    msKeg: Record<string, string | string[]>;
  }[];
  datasets: {
    id: string;
    agencyId: string;
    classification: Classification;
    standard: string | null;
    activityRef: string | null;
  }[];
  variables: {
    resourceId: string;
    column: string;
    values: Record<string, string | string[]>;
    datasetId: string;
  }[];
  indicators: {
    datasetId: string;
    id: string | null;
    name: string;
    values: Record<string, string | string[]>;
  }[];
}

/** What the sheet checks share while one upload is planned. */
export interface Planning {
  db: Kysely<DB>;
  actor: Actor;
  data: WorksheetData;
  /** The datasets the upload may touch (its scope, checked by the action). */
  allowedDatasetIds: ReadonlySet<string>;
  problems: WorksheetProblems;
  plan: Plan;
  /** Standard names and activity refs the upload itself defines. */
  standardNames: Set<string>;
  activityRefs: Set<string>;
  /** Datasets already resolved by name. */
  datasetByName: Map<string, { id: string; agencyId: string }>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Check a whole worksheet against the database and the forms, and return what to write.
 * Throws WorksheetRefusedError with every problem; nothing is written on any error. The sheets
 * are checked in their order: later sheets may refer to what earlier ones define.
 */
export async function planWorksheet(
  db: Kysely<DB>,
  actor: Actor,
  data: WorksheetData,
  allowedDatasetIds: ReadonlySet<string>,
): Promise<Plan> {
  const p: Planning = {
    db,
    actor,
    data,
    allowedDatasetIds,
    problems: new WorksheetProblems(),
    plan: { standards: [], activities: [], datasets: [], variables: [], indicators: [] },
    standardNames: new Set(),
    activityRefs: new Set(),
    datasetByName: new Map(),
  };
  await planStandards(p);
  await planActivities(p);
  await planDatasets(p);
  await planVariables(p);
  await planIndicators(p);
  if (p.problems.list.length) throw new WorksheetRefusedError(p.problems.list);
  return p.plan;
}

/** True when the plan writes nothing at all. */
export function isEmptyPlan(plan: Plan): boolean {
  return (
    !plan.datasets.length &&
    !plan.standards.length &&
    !plan.activities.length &&
    !plan.variables.length &&
    !plan.indicators.length
  );
}
