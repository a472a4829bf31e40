import type { ActionDefinition } from '../../kernel/actions/action.js';
import { observeApiUse } from '../../kernel/http/api/api-use.js';
import type { AppModule } from '../../kernel/module.js';
import { providePortalUseCounter } from '../catalog/index.js';
import { decideStepsElsewhere } from '../workflows/index.js';
import { EVALUATION_ACTIONS } from './actions/evaluation-actions.js';
import { countApiCall } from './api-usage-counter.js';
import { evaluationRoutes } from './pages/evaluation.routes.js';
import { reportApprovalDecidedHere } from './report-approval.js';
import { wireEvaluationSources } from './sources.js';
import { WIRED_SOURCES } from './sources-wired.js';
import { countInMemory } from './usage-counter.js';

/** How the region is doing, measured from its own records; the EPSS self-assessment; the yearly report. */
export const evaluationModule: AppModule = {
  name: 'evaluation',
  actions: EVALUATION_ACTIONS as ActionDefinition[],
  routes: [evaluationRoutes],
  install: () => {
    wireEvaluationSources(WIRED_SOURCES);
    providePortalUseCounter(countInMemory);
    observeApiUse(countApiCall);
    decideStepsElsewhere('evaluation', reportApprovalDecidedHere);
  },
};
