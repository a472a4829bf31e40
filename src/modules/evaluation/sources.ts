import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/**
 * What evaluation reads from the planning module (issue #13) and the data-request service
 * (issue #14), behind one port so the figures and the EPSS rules do not depend on how those
 * modules store their records. `null` means "not recorded yet": the pages say so, the EPSS rule
 * proposes nothing, and the report leaves the section with that sentence.
 */
export interface FulfilmentRow {
  agencyId: string;
  agencyName: string;
  /** Items on the enacted data list for the year. */
  planned: number;
  /** Of those, published in the year. */
  fulfilled: number;
}

export interface PlanningInputs {
  fulfilment: FulfilmentRow[];
  forum: { meetings: number; withMinutes: number; listAgreed: boolean } | null;
}

export interface RequestInputs {
  total: number;
  answered: number;
  withinStandard: number;
  medianDays: number | null;
  p90Days: number | null;
  agenciesServing: number;
  agenciesAsked: number;
  byAgency: {
    agencyId: string;
    agencyName: string;
    total: number;
    answered: number;
    withinStandard: number;
  }[];
}

export interface EvaluationSources {
  planning(db: Kysely<DB>, q: { year: number; agencyId?: string }): Promise<PlanningInputs | null>;
  requests(db: Kysely<DB>, q: { from: Date; to: Date; agencyId?: string }): Promise<RequestInputs | null>;
}

/** Before the module is installed: nothing recorded yet. */
export const NOT_RECORDED: EvaluationSources = {
  planning: async () => null,
  requests: async () => null,
};

let current: EvaluationSources | null = null;
let wired: EvaluationSources = NOT_RECORDED;

/** Called once by the module: the planning and request modules' read APIs. */
export function wireEvaluationSources(sources: EvaluationSources): void {
  wired = sources;
}

/** The sources in use (tests and the wiring may replace them). */
export function evaluationSources(): EvaluationSources {
  return current ?? wired;
}

/** Replace the sources (tests); null goes back to the wired ones. */
export function setEvaluationSources(sources: EvaluationSources | null): void {
  current = sources;
}
