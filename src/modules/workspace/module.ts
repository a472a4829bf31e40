import type { AppModule } from '../../kernel/module.js';
import { datasetAdminRoutes } from './pages/dataset-admin.routes.js';
import { datasetWorkRoutes } from './pages/dataset-work.routes.js';

/** The back office's dataset pages: list, form, resources and uploads, SDI work on a dataset. */
export const workspaceModule: AppModule = {
  name: 'workspace',
  routes: [datasetAdminRoutes, datasetWorkRoutes],
};
