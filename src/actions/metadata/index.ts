import type { ActionDefinition } from '../action.js';

/** The metadata area's actions, registered in ../registry.ts. */
export const METADATA_ACTIONS: ActionDefinition[] = [];
