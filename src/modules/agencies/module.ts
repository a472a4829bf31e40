import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { agencyCreate } from './actions/agency-create.js';
import { agencyImport } from './actions/agency-import.js';
import { agencyUpdate } from './actions/agency-update.js';

/** Agencies (OPD) and the region this deployment serves, with the official region codes. */
export const agenciesModule: AppModule = {
  name: 'agencies',
  actions: [agencyCreate, agencyUpdate, agencyImport] as ActionDefinition[],
};
