import { parseStandardDuration } from '../../../kernel/calendar/duration.js';
import type { WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import { addWorkingTime } from '../../../kernel/calendar/working-time.js';
import type { WorkflowInstance } from '../../../kernel/db/schema/workflow-runs.js';
import { ValidationError } from '../../../kernel/errors.js';
import { DONE, type StepFeature, type WorkflowDefinition, type WorkflowStep } from './definition.js';

/**
 * Pure rules of a running workflow: which outcome moves a step forward or back, the step a
 * platform feature drives, and when a step's task is due in the region's working time.
 */

export const OUTCOME_APPROVE = 'approve';
export const OUTCOME_RETURN = 'return';
export const OUTCOME_REJECT = 'reject';
/** Outcomes that send work back or stop it: never a step's going-ahead outcome. */
const BACKWARD = new Set([OUTCOME_RETURN, OUTCOME_REJECT, 'incomplete']);

/** The definition an instance runs (stored with it when it started). */
export function definitionOf(instance: WorkflowInstance): WorkflowDefinition {
  return instance.definition as WorkflowDefinition;
}

/** Due time of a step opened at `openedAt`, or null when the SOP gives no standard time. */
export function dueTime(calendar: WorkingCalendar, step: WorkflowStep, openedAt: Date): Date | null {
  if (!step.duration) return null;
  const parsed = parseStandardDuration(step.duration);
  if (!parsed.ok || !parsed.duration) return null;
  return addWorkingTime(calendar, openedAt, parsed.duration);
}

/** The step tied to a platform feature (dataset flow); throws when the definition has none. */
export function featureStep(def: WorkflowDefinition, feature: StepFeature): WorkflowStep {
  const step = def.steps.find((s) => s.feature === feature);
  if (!step) throw new Error(`Workflow '${def.key}' v${def.version} has no ${feature} step`);
  return step;
}

/** The going-ahead outcome of a decision: 'approve', else the first that does not send work back. */
export function forwardOutcome(step: WorkflowStep): string {
  const t =
    step.transitions.find((x) => x.outcome === OUTCOME_APPROVE) ??
    step.transitions.find((x) => !BACKWARD.has(x.outcome)) ??
    step.transitions[0];
  return t?.outcome ?? DONE;
}

/** Does this outcome send work back or stop it (return, reject, incomplete)? */
export function isBackward(outcome: string): boolean {
  return BACKWARD.has(outcome);
}

/**
 * The outcome a dataset decision takes on a step: 'approve' is the step's forward outcome
 * (a preset may call it 'recommend'), 'return' the one that sends the data back for fixing.
 */
export function decisionOutcome(
  def: WorkflowDefinition,
  step: WorkflowStep,
  decision: 'approve' | 'return',
): string {
  if (decision === OUTCOME_APPROVE) return forwardOutcome(step);
  const back =
    step.transitions.find((t) => t.outcome === OUTCOME_RETURN) ??
    step.transitions.find((t) => def.steps.find((x) => x.id === t.to)?.feature === 'dataset_submit');
  if (!back)
    throw new ValidationError({
      outcome: [
        {
          id: `Langkah "${step.title.id}" tidak dapat dikembalikan`,
          en: `Step "${step.title.en}" cannot be returned`,
        },
      ],
    });
  return back.outcome;
}
