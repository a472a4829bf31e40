export { datasetClassificationSet, datasetClassificationShow } from './actions/classification.js';
export { type Conformity, datasetConformities, datasetConformity } from './conformity.js';
export { standardSchemaOfDataset as standardColumnsOfDataset } from './data-standard.repository.js';
export type { StandardSourceKind } from './domain/data-standard.js';
export { displayValue, type FormValues } from './domain/form-values.js';
export { MS_KEG } from './domain/ms-keg.js';
export { metadataModule } from './module.js';
export { StatisticalMetadataSection } from './pages/statistical-metadata.js';
