import type { ActionDefinition } from '../action.js';
import { CALENDAR_ACTIONS } from './calendar-actions.js';
import { workflowProcessStart } from './process-start.js';
import { submissionCreate } from './submission-create.js';
import { datasetPrioritySet } from './submission-priority.js';
import { submissionPublish } from './submission-publish.js';
import { submissionReview } from './submission-review.js';
import { submissionVerify, submissionVerifyMany } from './submission-verify.js';
import { taskComplete } from './task-complete.js';
import { taskList } from './task-list.js';
import { WORKFLOW_DEFINITION_ACTIONS } from './workflow-definition-actions.js';

/** The workflow area's actions, registered in ../registry.ts. */
export const WORKFLOW_ACTIONS: ActionDefinition[] = [
  // workflow runs (C2): inbox, generic steps, the dataset check flow
  taskList,
  taskComplete,
  workflowProcessStart,
  submissionCreate,
  submissionVerify,
  submissionVerifyMany,
  submissionReview,
  submissionPublish,
  datasetPrioritySet,
  // workflow definitions and the working calendar (C1)
  ...WORKFLOW_DEFINITION_ACTIONS,
  ...CALENDAR_ACTIONS,
] as ActionDefinition[];
