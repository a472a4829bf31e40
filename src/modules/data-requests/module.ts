import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { DATA_REQUEST_ACTIONS } from './actions/index.js';
import { dataRequestPublicRoutes } from './pages/public.routes.js';
import { dataRequestSettingsRoutes } from './pages/settings.routes.js';
import { dataRequestStaffRoutes } from './pages/staff.routes.js';
import { DATA_REQUEST_SWEEP_JOB } from './sweep-job.js';

/** The public data-request service (issue 14): asking, following, handling, clocks, survey. */
export const dataRequestsModule: AppModule = {
  name: 'data-requests',
  actions: DATA_REQUEST_ACTIONS as ActionDefinition[],
  routes: [dataRequestPublicRoutes, dataRequestStaffRoutes, dataRequestSettingsRoutes],
  jobs: [DATA_REQUEST_SWEEP_JOB],
};
