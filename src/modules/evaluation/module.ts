import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { EVALUATION_ACTIONS } from './actions/evaluation-actions.js';
import { evaluationRoutes } from './pages/evaluation.routes.js';

/** How the region is doing, measured from its own records; the EPSS self-assessment; the yearly report. */
export const evaluationModule: AppModule = {
  name: 'evaluation',
  actions: EVALUATION_ACTIONS as ActionDefinition[],
  routes: [evaluationRoutes],
};
