export { DatasetFieldsSchema, looseBoolean } from './actions/dataset.schema.js';
export {
  canSeeDataset,
  DATASET_NOT_FOUND,
  grantedAgencies,
  loadVisibleDataset,
  presentPackages,
  sharesFor,
} from './actions/dataset-access.js';
export { resolveOwner, saveDataset } from './actions/dataset-save.js';
export { groupList, groupShow } from './actions/group-read.js';
export { organizationList, organizationShow } from './actions/organization-read.js';
export { packageCreate } from './actions/package-create.js';
export { packageDelete } from './actions/package-delete.js';
export { packageShow } from './actions/package-read.js';
export { PackageSearchSchema, packageSearch, ROWS_MAX, runPackageSearch } from './actions/package-search.js';
export { loadTarget, loadTargetForUpdate, packageUpdate } from './actions/package-update.js';
export {
  type DatasetParts,
  findDataset,
  findDatasetForUpdate,
  findResource,
  incrementResourceDownloads,
  insertResource,
  insertRevision,
  listRevisions,
  loadDatasetParts,
  nextMetadataModified,
  refreshDatasetSearch,
  updateDataset,
  updateResource,
} from './dataset.repository.js';
export { FREQUENCIES, FREQUENCY_IDS, type Frequency } from './domain/frequencies.js';
export { DEFAULT_LICENSE_ID, findLicense, LICENSES, licenseTitle } from './domain/licenses.js';
export { assertPublishable, CLASSIFICATION_LABELS, publishRefusal } from './domain/publishing.js';
export { FACET_FIELDS, type FacetField } from './domain/search-facets.js';
export {
  addPackageListExtra,
  addPackageShowExtra,
  provideSdiMetadata,
  type SdiMetadataDict,
} from './extensions.js';
export { catalogModule } from './module.js';
export { type PackageDict, resourceDict } from './package.presenter.js';
export { Breadcrumb } from './pages/components/breadcrumb.js';
export {
  CATALOG_CSS_PATH,
  type CatalogPageContext,
  catalogPageContext,
  sendCatalogPage,
} from './pages/components/catalog-context.js';
export {
  DatasetCard,
  type DatasetCardView,
  datasetCardView,
  VisibilityBadges,
} from './pages/components/dataset-card.js';
export { MetadataTable, ResourceList, Revisions } from './pages/components/dataset-sections.js';
export { DatasetSidebar } from './pages/components/dataset-sidebar.js';
export { type DatasetView, type RevisionView, safeHref } from './pages/components/dataset-view.js';
export {
  ActiveFilters,
  type ActiveFilterView,
  FacetList,
  type FacetView,
} from './pages/components/facet-list.js';
export {
  formatBytes,
  formatDate,
  formatPeriod,
  paragraphs,
  parseCkanTime,
} from './pages/components/format.js';
export { Pager } from './pages/components/pager.js';
export { SearchForm, SortForm } from './pages/components/search-controls.js';
export {
  clearFilters,
  fieldQuery,
  filterQueries,
  PAGE_SIZE,
  parseSearchState,
  type SearchState,
  SORTS,
  searchHref,
  toggleFilter,
} from './pages/components/search-state.js';
export {
  countPortalUse,
  type PortalUseCounter,
  type PortalUseHit,
  providePortalUseCounter,
} from './portal-usage.js';
export { warmPublicSearchIndex } from './search-index/public-search.js';
export { findTopic, insertTopic, listTopics } from './topic.repository.js';
export { countDatasetView, flushDatasetViews } from './view-counter.js';
