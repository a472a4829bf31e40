export { parseJsonText } from './actions/resource-fields.js';
export { resourceIngestStatus } from './actions/resource-ingest-status.js';
export { resourceSchemaConfirm } from './actions/resource-schema-confirm.js';
export { checkCodeListsExist } from './actions/resource-schema-update.js';
export { resourceCreate, resourceDelete, resourceUpdate } from './actions/resource-write.js';
export { CONSOLE_IMPORTER, describeImport, importFile } from './cli-import.js';
export type { PiiFlag } from './domain/pii.js';
export { tableSchemaInput } from './domain/table-schema/table-schema-input.js';
export type { ProposalException } from './domain/validation/propose-table-schema.js';
export type { ValidationIssueGroup, ValidationReport } from './domain/validation/validation-report.js';
export {
  addInheritedSchema,
  addWriteHold,
  type InheritedSchema,
  inheritedSchemaOf,
  type WrittenVersion,
} from './extensions.js';
export { type ProposalReport, proposalOf } from './first-upload.js';
export { datastoreModule } from './module.js';
export { DatastorePreviewSection } from './pages/preview.js';
export { loadDatastorePreviews } from './pages/preview.loader.js';
export { fieldTypeLabel, referenceLabel } from './pages/table-schema.messages.js';
export type { PreviewData } from './read/preview.js';
export { withCurrentClassification } from './read/readable-table.js';
export { queueDatastoreRebuild } from './rebuild.js';
export { pointResourceAtVersion, type SwappedVersion } from './resource-version.repository.js';
export { loadIngestViews } from './resource-versions.js';
