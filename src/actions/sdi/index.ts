import type { ActionDefinition } from '../action.js';

/** The SDI area's actions (access classification, code lists, conformity, worksheet), registered in ../registry.ts. */
export const SDI_ACTIONS: ActionDefinition[] = [];
