export { rdfFormatFromAccept } from './content-negotiation.js';
export { sendDatasetRdf } from './linked-data.routes.js';
export { linkedDataModule } from './module.js';
export { datasetSchemaOrg, jsonLdScriptContent } from './schema-org.js';
