export { taskComplete } from './actions/task-complete.js';
export { userPositionSet } from './actions/user-position-set.js';
export {
  type DecidedElsewhere,
  decideStepsElsewhere,
} from './decided-elsewhere.js';
export { getDefinition, regionChoices } from './definitions.js';
export {
  type Bilingual,
  PLANNING_HOOKS,
  type PlanningHook,
  PROCESS_KIND_LABELS,
  PROCESS_KINDS,
  type ProcessKind,
  type SopIdentity,
  type StepFeature,
  stepById,
  type WorkflowDefinition,
  type WorkflowStep,
} from './domain/definition.js';
export {
  decisionOutcome,
  definitionOf,
  featureStep,
  forwardOutcome,
  OUTCOME_APPROVE,
  OUTCOME_RETURN,
} from './domain/outcomes.js';
export { YEAR_END_SUBJECT, yearEndStart } from './domain/scope.js';
export { divertToStep, openFeatureTask, type RunEnv, startInstance } from './engine.js';
export { workflowsModule } from './module.js';
export { wm } from './pages/workflow.messages.js';
export { insertSubject } from './routing.repository.js';
export type { RunChoice } from './run-choice.js';
export {
  findInstance,
  findRunningInstance,
  instancesOf,
  lockOpenTask,
  openTaskOf,
  tasksOf,
} from './runs.repository.js';
export { definitionFor, loadCalendar } from './sources.js';
export { type ActResult, actOnTask, type LoadedTask, loadTask } from './task-act.js';
export { scheduleTimeJobs } from './time-jobs.js';
export { dueEvaluationYear, startYearEndRun, YEAR_END_CYCLE, yearEndRun } from './year-end.js';
export { yearOfYearEndRun } from './year-end.repository.js';
