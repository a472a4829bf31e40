import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { addWriteHold } from '../datastore/index.js';
import { submissionCreate } from './actions/submission-create.js';
import { datasetPrioritySet } from './actions/submission-priority.js';
import { submissionPublish } from './actions/submission-publish.js';
import { submissionReview } from './actions/submission-review.js';
import { submissionVerify, submissionVerifyMany } from './actions/submission-verify.js';
import { submissionRoutes } from './pages/submission.routes.js';
import { submissionCheckRoutes } from './pages/submission-check.routes.js';
import { holdPublishedWrite } from './write-hold.js';

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
  install() {
    // A producer's DataStore write to a published dataset becomes a submission (issue #19).
    addWriteHold(holdPublishedWrite);
  },
};
