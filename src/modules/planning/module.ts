import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { addReleaseSource } from '../dissemination/index.js';
import { PLANNING_ACTIONS } from './actions/index.js';
import { planningRoutes } from './pages/planning.routes.js';
import { enactedReleases } from './release-calendar.repository.js';

/** Planning: the yearly data list, proposals, the Forum Satu Data, its records and what producers owe. */
export const planningModule: AppModule = {
  name: 'planning',
  actions: PLANNING_ACTIONS as ActionDefinition[],
  routes: [planningRoutes],
  install() {
    // The enacted list's deliveries from the start of this year on, in the release calendar (/jadwal-rilis).
    addReleaseSource((db) => enactedReleases(db, `${new Date().getUTCFullYear()}-01-01`));
  },
};
