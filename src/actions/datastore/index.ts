import type { ActionDefinition } from '../action.js';

/** The datastore area's actions, registered in ../registry.ts. */
export const DATASTORE_ACTIONS: ActionDefinition[] = [];
