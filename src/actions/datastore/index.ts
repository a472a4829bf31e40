import type { ActionDefinition } from '../action.js';
import { datastoreInfo } from './datastore-info.js';
import { datastoreSearch } from './datastore-search.js';

/** The datastore area's actions, registered in ../registry.ts. */
export const DATASTORE_ACTIONS: ActionDefinition[] = [];
DATASTORE_ACTIONS.push(datastoreSearch as ActionDefinition, datastoreInfo as ActionDefinition);
