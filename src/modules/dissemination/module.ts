import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { regionBoundariesSet, regionBoundariesShow } from './actions/boundaries-actions.js';
import { chartCreate, chartShow, chartUpdate } from './actions/chart-actions.js';
import { dataBookGenerate } from './actions/data-book-actions.js';
import { publicationInfographicGenerate } from './actions/infographic-actions.js';
import { publicationCreate, publicationSubmit, publicationUpdate } from './actions/publication-actions.js';
import { publicationFileAdd, publicationFileRemove } from './actions/publication-file-actions.js';
import { publicationList, publicationShow } from './actions/publication-read-actions.js';
import { DISSEMINATION_DEMO_JOB } from './demo-job.js';
import { disseminationRoutes } from './pages/dissemination.routes.js';

/**
 * Dissemination (issue 15): saved, versioned charts; publications (infographics, reports,
 * books) through the region's dissemination SOP; the generated, verifiable data book.
 */
export const disseminationModule: AppModule = {
  name: 'dissemination',
  actions: [
    chartCreate,
    chartShow,
    chartUpdate,
    publicationCreate,
    publicationShow,
    publicationUpdate,
    publicationList,
    publicationSubmit,
    publicationFileAdd,
    publicationFileRemove,
    publicationInfographicGenerate,
    dataBookGenerate,
    regionBoundariesSet,
    regionBoundariesShow,
  ] as ActionDefinition[],
  routes: [disseminationRoutes],
  jobs: [DISSEMINATION_DEMO_JOB],
};
