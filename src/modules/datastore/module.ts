import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { datastoreInfo } from './actions/datastore-info.js';
import { datastoreSearch } from './actions/datastore-search.js';
import { datastoreSearchSql } from './actions/datastore-search-sql.js';
import { resourceIngestStatus } from './actions/resource-ingest-status.js';
import { resourceSchemaConfirm } from './actions/resource-schema-confirm.js';
import { resourceSchemaShow } from './actions/resource-schema-show.js';
import { resourceSchemaUpdate } from './actions/resource-schema-update.js';
import { resourceValidationShow } from './actions/resource-validation-show.js';
import { resourceCreate, resourceDelete, resourceUpdate } from './actions/resource-write.js';
import { INGEST_JOB } from './ingest-job.js';
import { datastoreReadRoutes } from './pages/datastore.routes.js';
import { downloadRoutes } from './pages/download.routes.js';
import { tableSchemaRoutes } from './pages/table-schema.routes.js';
import { sqlReaderStartup } from './read/sql-reader.js';

/** Tabular data: uploads, validation, ingest into typed tables, reads, downloads, previews. */
export const datastoreModule: AppModule = {
  name: 'datastore',
  actions: [
    resourceCreate,
    resourceUpdate,
    resourceDelete,
    datastoreSearch,
    datastoreInfo,
    datastoreSearchSql,
    resourceIngestStatus,
    resourceValidationShow,
    resourceSchemaShow,
    resourceSchemaUpdate,
    resourceSchemaConfirm,
  ] as ActionDefinition[],
  routes: [tableSchemaRoutes, downloadRoutes, datastoreReadRoutes, sqlReaderStartup],
  jobs: [INGEST_JOB],
};
