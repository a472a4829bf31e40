import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { sopList, sopShow } from './actions/sop-read.js';
import { sopRoutes } from './pages/sop.routes.js';

/**
 * The SOP as a document: each workflow definition rendered in the government's SOP format
 * (PermenPAN-RB 35/2012) and the public list of the SOPs in force. A module of its own, after
 * workflows, because it only reads definitions and brings its own dependency (pdfkit drawing).
 */
export const sopModule: AppModule = {
  name: 'sop',
  actions: [sopList, sopShow] as ActionDefinition[],
  routes: [sopRoutes],
};
