export { resourceIngestStatus } from './actions/resource-ingest-status.js';
export { resourceCreate, resourceDelete, resourceUpdate } from './actions/resource-write.js';
export { CONSOLE_IMPORTER, describeImport, importFile } from './cli-import.js';
export type { PiiFlag } from './domain/pii.js';
export type { ValidationIssueGroup, ValidationReport } from './domain/validation/validation-report.js';
export { datastoreModule } from './module.js';
export { DatastorePreviewSection } from './pages/preview.js';
export { queueDatastoreRebuild } from './rebuild.js';
export { loadIngestViews } from './resource-versions.js';
