export { linkedDataModule } from './module.js';
export { datasetSchemaOrg, jsonLdScriptContent } from './schema-org.js';
