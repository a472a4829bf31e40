import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { submissionCreate } from './actions/submission-create.js';
import { datasetPrioritySet } from './actions/submission-priority.js';
import { submissionPublish } from './actions/submission-publish.js';
import { submissionReview } from './actions/submission-review.js';
import { submissionVerify, submissionVerifyMany } from './actions/submission-verify.js';
import { submissionRoutes } from './pages/submission.routes.js';
import { submissionCheckRoutes } from './pages/submission-check.routes.js';

/** The dataset check flow: submissions, the custodian's verification, BPS review, publication. */
export const verificationModule: AppModule = {
  name: 'verification',
  actions: [
    submissionCreate,
    submissionVerify,
    submissionVerifyMany,
    submissionReview,
    submissionPublish,
    datasetPrioritySet,
  ] as ActionDefinition[],
  routes: [submissionRoutes, submissionCheckRoutes],
};
