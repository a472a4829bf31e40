export { chartCreate, chartShow, chartUpdate } from './actions/chart-actions.js';
export {
  dataBookGenerate,
  publicationCreate,
  publicationList,
  publicationShow,
  publicationSubmit,
  publicationUpdate,
} from './actions/publication-actions.js';
export { type CatalogPublication, catalogPublications } from './catalog-entries.js';
export { DEMO_BOOK, seedDisseminationDemo } from './demo-seed.js';
export { disseminationModule } from './module.js';
export { LatestPublicationsSection } from './pages/pages.js';
export { listPublished as latestPublications, type PublicationView } from './publication.repository.js';
export { addReleaseSource, type PlannedDataRelease, type ReleaseSource } from './release-sources.js';
