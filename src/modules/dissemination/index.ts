export { chartCreate, chartShow, chartUpdate } from './actions/chart-actions.js';
export { dataBookGenerate } from './actions/data-book-actions.js';
export { publicationInfographicGenerate } from './actions/infographic-actions.js';
export { publicationCreate, publicationSubmit, publicationUpdate } from './actions/publication-actions.js';
export { publicationFileAdd, publicationFileRemove } from './actions/publication-file-actions.js';
export { publicationList, publicationShow } from './actions/publication-read-actions.js';
export { type CatalogPublication, catalogPublications } from './catalog-entries.js';
export {
  DEMO_BOOK,
  DEMO_IN_REVIEW,
  DEMO_PUBLISHED_INFOGRAPHICS,
  seedDisseminationDemo,
} from './demo-seed.js';
export { disseminationModule } from './module.js';
export { LatestPublicationsSection } from './pages/gallery.js';
export { listPublished as latestPublications, type PublicationView } from './publication.repository.js';
export { addReleaseSource, type PlannedDataRelease, type ReleaseSource } from './release-sources.js';
