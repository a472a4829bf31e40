import type { ActionDefinition } from '../action.js';
import { datastoreInfo } from './datastore-info.js';
import { datastoreSearch } from './datastore-search.js';
import { datastoreSearchSql } from './datastore-search-sql.js';
import { resourceIngestStatus } from './resource-ingest-status.js';
import { resourceSchemaShow } from './resource-schema-show.js';
import { resourceSchemaUpdate } from './resource-schema-update.js';
import { resourceValidationShow } from './resource-validation-show.js';

/** The datastore area's actions, registered in ../registry.ts. */
export const DATASTORE_ACTIONS: ActionDefinition[] = [];
DATASTORE_ACTIONS.push(datastoreSearch as ActionDefinition, datastoreInfo as ActionDefinition);
DATASTORE_ACTIONS.push(datastoreSearchSql as ActionDefinition);
DATASTORE_ACTIONS.push(resourceIngestStatus as ActionDefinition, resourceValidationShow as ActionDefinition);
DATASTORE_ACTIONS.push(resourceSchemaShow as ActionDefinition, resourceSchemaUpdate as ActionDefinition);
