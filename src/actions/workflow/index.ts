import type { ActionDefinition } from '../action.js';

/** The workflow area's actions, registered in ../registry.ts. */
export const WORKFLOW_ACTIONS: ActionDefinition[] = [];
