import { AGENCY_BOUND_ROLES } from '../../../kernel/access/roles.js';
import { END, type WorkflowDefinition, type WorkflowStep } from './definition.js';
import { forwardOutcome } from './outcomes.js';
import type { StepScope } from './routing.js';

/**
 * Pure routing rules (issue #12 items 1–2): a step's effective scope, whether two fan-out steps
 * run as one lane per agency, and which steps belong to the data-list cycle run of a dataset
 * collection SOP rather than to each dataset's check run.
 */

/** A step's scope; a definition stored before scopes existed reads its `agencyScope`. */
export function scopeOf(step: WorkflowStep): StepScope {
  if (step.scope) return step.scope;
  return step.agencyScope === 'subject' ? { kind: 'subject_agency' } : { kind: 'region' };
}

/** Does a task of this step need an agency (a producer acts for one agency only)? */
export function needsAgency(step: WorkflowStep): boolean {
  return AGENCY_BOUND_ROLES.includes(step.role);
}

/** Both steps fan out over the same set: a task moving from one to the other stays in its agency's lane. */
export function sameFanOut(a: WorkflowStep, b: WorkflowStep): boolean {
  const sa = scopeOf(a);
  const sb = scopeOf(b);
  return sa.kind === 'fan_out' && sb.kind === 'fan_out' && sa.chosenAt === sb.chosenAt;
}

/** Steps reachable from the dataset flow's first submission step (by any outcome). */
function reachableFromSubmit(def: WorkflowDefinition): Set<string> {
  const first = def.steps.find((s) => s.feature === 'dataset_submit');
  const seen = new Set<string>();
  const queue = first ? [first.id] : [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = def.steps.find((s) => s.id === id);
    for (const t of step?.transitions ?? []) if (t.to !== END && !seen.has(t.to)) queue.push(t.to);
  }
  return seen;
}

/**
 * In a dataset collection SOP, the steps of the yearly data-list cycle run: those before the
 * first dataset submission (planning, forum, recommendation, collection), and those marked
 * `cycle` (a yearly evaluation after publication). Other definitions have no cycle steps.
 */
export function cycleStepIds(def: WorkflowDefinition): Set<string> {
  if (def.processKind !== 'dataset_collection') return new Set();
  const perDataset = reachableFromSubmit(def);
  return new Set(def.steps.filter((s) => s.cycle === true || !perDataset.has(s.id)).map((s) => s.id));
}

/** The subject type of the year's evaluation run (one per region and year, not per dataset). */
export const YEAR_END_SUBJECT = 'evaluation_year';

/**
 * The cycle steps that come after the dataset flow (Jember 21–22: evaluate the year, approve
 * and send the report to the head of region). They run once a year in their own run on the
 * evaluation year (YEAR_END_SUBJECT), neither in a dataset's run nor in the data-list cycle run.
 */
export function yearEndStepIds(def: WorkflowDefinition): Set<string> {
  if (def.processKind !== 'dataset_collection') return new Set();
  const perDataset = reachableFromSubmit(def);
  return new Set(def.steps.filter((s) => s.cycle === true && perDataset.has(s.id)).map((s) => s.id));
}

/** The first step of the year's evaluation run, in definition order; undefined when there is none. */
export function yearEndStart(def: WorkflowDefinition): string | undefined {
  const ids = yearEndStepIds(def);
  return def.steps.find((s) => ids.has(s.id))?.id;
}

/**
 * Where a cycle run goes when its flow enters the per-dataset steps (each dataset runs them in
 * its own run): the first cycle step after them along the forward outcomes, or 'end'.
 */
export function nextCycleStep(def: WorkflowDefinition, from: string, cycle: Set<string>): string {
  let current = from;
  const seen = new Set<string>();
  while (current !== END && !cycle.has(current) && !seen.has(current)) {
    seen.add(current);
    const step = def.steps.find((s) => s.id === current);
    if (!step) return END;
    const out = forwardOutcome(step);
    current = step.transitions.find((t) => t.outcome === out)?.to ?? END;
  }
  return cycle.has(current) ? current : END;
}
