import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { PLANNING_ACTIONS } from './actions/index.js';
import { planningRoutes } from './pages/planning.routes.js';

/** Planning: the yearly data list, proposals, the Forum Satu Data, its records and what producers owe. */
export const planningModule: AppModule = {
  name: 'planning',
  actions: PLANNING_ACTIONS as ActionDefinition[],
  routes: [planningRoutes],
};
