export { epssStructureUpdate } from './actions/epss-structure-update.js';
export {
  epssAssessmentShow,
  epssIndicatorUpdate,
  epssIndicatorVerify,
  evaluationReportApprove,
  evaluationReportGenerate,
  evaluationReportReturn,
  evaluationShow,
  sopPerformanceShow,
} from './actions/evaluation-actions.js';
export { seedEvaluationDemo } from './demo-history.js';
export { evaluationModule } from './module.js';
export {
  type EvaluationSources,
  NOT_RECORDED,
  type PlanningInputs,
  type RequestInputs,
  setEvaluationSources,
} from './sources.js';
