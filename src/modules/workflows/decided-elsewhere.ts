import type { Bilingual, WorkflowStep } from './domain/definition.js';

/**
 * Steps a later module decides on its own pages (issue #16: the leader's approval of the yearly
 * report is decided by approving or returning the report, which changes the report's state as
 * well as the run). Like the dataset steps (`feature`), such a step is not completed from the
 * generic task form: task_complete refuses it and the inbox links to where it is decided. A
 * module fills a rule in its install(); until then no step is claimed.
 */
export interface DecidedElsewhere {
  /** Where the step is decided (the inbox links there). */
  href: string;
  /** That place named for people ("the evaluation page"). */
  where: Bilingual;
}

export interface StepOfRun {
  subjectType: string;
  taskId: string;
  step: WorkflowStep;
}

export type DecidedElsewhereRule = (s: StepOfRun) => DecidedElsewhere | null;

const rules = new Map<string, DecidedElsewhereRule>();

/** Called once by the module that decides some steps itself (named, so a reinstall replaces it). */
export function decideStepsElsewhere(module: string, rule: DecidedElsewhereRule): void {
  rules.set(module, rule);
}

/** Where `s` is decided, when a module claimed it. */
export function decidedElsewhere(s: StepOfRun): DecidedElsewhere | null {
  for (const rule of rules.values()) {
    const found = rule(s);
    if (found) return found;
  }
  return null;
}
