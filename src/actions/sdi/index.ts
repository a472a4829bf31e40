import type { ActionDefinition } from '../action.js';
import { CLASSIFICATION_ACTIONS } from './classification.js';
import { CODE_LIST_ACTIONS } from './code-list.js';
import { packageConformityShow } from './conformity.js';
import { WORKSHEET_ACTIONS } from './worksheet.js';

/** The SDI area's actions (access classification, code lists, conformity, worksheet), registered in ../registry.ts. */
export const SDI_ACTIONS: ActionDefinition[] = [
  ...CODE_LIST_ACTIONS,
  ...CLASSIFICATION_ACTIONS,
  packageConformityShow,
  ...WORKSHEET_ACTIONS,
] as ActionDefinition[];
