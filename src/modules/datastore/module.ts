import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { datastoreInfo } from './actions/datastore-info.js';
import { datastoreSearch } from './actions/datastore-search.js';
import { datastoreSearchSql } from './actions/datastore-search-sql.js';
import { resourceIngestStatus } from './actions/resource-ingest-status.js';
import { resourcePatch } from './actions/resource-patch.js';
import { resourceSchemaConfirm } from './actions/resource-schema-confirm.js';
import { resourceSchemaShow } from './actions/resource-schema-show.js';
import { resourceSchemaUpdate } from './actions/resource-schema-update.js';
import { resourceValidationShow } from './actions/resource-validation-show.js';
import { resourceCreate, resourceDelete, resourceUpdate } from './actions/resource-write.js';
import { FULL_TEXT_BACKFILL_JOB, fullTextBackfillStartup } from './full-text-backfill.js';
import { INGEST_JOB } from './ingest-job.js';
import { datastoreReadRoutes } from './pages/datastore.routes.js';
import { downloadRoutes } from './pages/download.routes.js';
import { tableSchemaRoutes } from './pages/table-schema.routes.js';
import { sqlReaderStartup } from './read/sql-reader.js';
import {
  datastoreCreate,
  datastoreDelete,
  datastoreRecordsDelete,
  datastoreUpsert,
} from './write/datastore-write.actions.js';

/** Tabular data: uploads, validation, ingest into typed tables, reads, downloads, previews. */
export const datastoreModule: AppModule = {
  name: 'datastore',
  actions: [
    resourceCreate,
    resourceUpdate,
    resourceDelete,
    resourcePatch,
    datastoreSearch,
    datastoreInfo,
    datastoreSearchSql,
    resourceIngestStatus,
    resourceValidationShow,
    resourceSchemaShow,
    resourceSchemaUpdate,
    datastoreCreate,
    datastoreUpsert,
    datastoreDelete,
    datastoreRecordsDelete,
    resourceSchemaConfirm,
  ] as ActionDefinition[],
  routes: [tableSchemaRoutes, downloadRoutes, datastoreReadRoutes, sqlReaderStartup, fullTextBackfillStartup],
  jobs: [INGEST_JOB, FULL_TEXT_BACKFILL_JOB],
};
