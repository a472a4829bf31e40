import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { CALENDAR_ACTIONS } from './actions/calendar-actions.js';
import { workflowProcessStart } from './actions/process-start.js';
import { workflowRunList, workflowRunShow } from './actions/run-actions.js';
import { taskComplete } from './actions/task-complete.js';
import { taskList } from './actions/task-list.js';
import { userPositionSet } from './actions/user-position-set.js';
import { WORKFLOW_DEFINITION_ACTIONS } from './actions/workflow-definition-actions.js';
import { workflowRunRoutes } from './pages/tasks.routes.js';
import { workflowAdminRoutes } from './pages/workflow-admin.routes.js';
import { CYCLE_START_JOB, TASK_ALERTS_JOB } from './time-jobs.js';

/** SOP workflows: definitions and presets, the working calendar, runs, tasks and the inbox. */
export const workflowsModule: AppModule = {
  name: 'workflows',
  actions: [
    taskList,
    taskComplete,
    workflowProcessStart,
    workflowRunList,
    workflowRunShow,
    userPositionSet,
    ...WORKFLOW_DEFINITION_ACTIONS,
    ...CALENDAR_ACTIONS,
  ] as ActionDefinition[],
  routes: [workflowRunRoutes, workflowAdminRoutes],
  jobs: [TASK_ALERTS_JOB, CYCLE_START_JOB],
};
