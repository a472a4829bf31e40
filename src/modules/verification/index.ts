export { submissionCreate } from './actions/submission-create.js';
export { datasetPrioritySet } from './actions/submission-priority.js';
export { submissionPublish } from './actions/submission-publish.js';
export { submissionReview } from './actions/submission-review.js';
export { submissionVerify, submissionVerifyMany } from './actions/submission-verify.js';
export { type HistoryInstance, loadWorkflowHistory } from './history.js';
export { verificationModule } from './module.js';
export { type AgencyWork, workByAgency } from './overview.repository.js';
export { WorkflowHistory } from './pages/history.js';
