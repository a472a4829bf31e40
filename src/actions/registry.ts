import type { ActionDefinition } from './action.js';
import { agencyCreate } from './agency/agency-create.js';
import { agencyImport } from './agency/agency-import.js';
import { agencyUpdate } from './agency/agency-update.js';
import { apiTokenCreate } from './api-token/api-token-create.js';
import { apiTokenRevoke } from './api-token/api-token-revoke.js';
import { statusShow } from './site/status-show.js';
import { userCreate } from './user/user-create.js';
import { userPasswordChange } from './user/user-password-change.js';
import { userShow } from './user/user-show.js';
import { userUpdate } from './user/user-update.js';

/** Every action by name. The API, the pages and the CLI find actions here and nowhere else. */
export const ACTION_REGISTRY: Record<string, ActionDefinition> = Object.fromEntries(
  [
    statusShow,
    userShow,
    agencyCreate,
    agencyUpdate,
    agencyImport,
    userCreate,
    userUpdate,
    userPasswordChange,
    apiTokenCreate,
    apiTokenRevoke,
  ].map((a) => [a.name, a as unknown as ActionDefinition]),
);
