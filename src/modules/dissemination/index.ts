export { chartCreate, chartShow, chartUpdate } from './actions/chart-actions.js';
export {
  dataBookGenerate,
  publicationCreate,
  publicationList,
  publicationShow,
  publicationSubmit,
  publicationUpdate,
} from './actions/publication-actions.js';
export { disseminationModule } from './module.js';
export { LatestPublicationsSection } from './pages/pages.js';
export { listPublished as latestPublications, type PublicationView } from './publication.repository.js';
