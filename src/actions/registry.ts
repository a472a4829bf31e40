import type { ActionDefinition } from './action.js';
import { agencyCreate } from './agency/agency-create.js';
import { agencyImport } from './agency/agency-import.js';
import { agencyUpdate } from './agency/agency-update.js';
import { apiTokenCreate } from './api-token/api-token-create.js';
import { apiTokenRevoke } from './api-token/api-token-revoke.js';
import { groupList, groupShow } from './catalog/group-read.js';
import { organizationList, organizationShow } from './catalog/organization-read.js';
import { licenseList, tagList } from './catalog/tag-license.js';
import { packageCreate } from './dataset/package-create.js';
import { packageDelete } from './dataset/package-delete.js';
import { packagePatch } from './dataset/package-patch.js';
import {
  currentPackageListWithResources,
  packageAutocomplete,
  packageList,
  packageShow,
  resourceShow,
} from './dataset/package-read.js';
import { packageSearch } from './dataset/package-search.js';
import { packageUpdate } from './dataset/package-update.js';
import { resourceCreate, resourceDelete, resourceUpdate } from './dataset/resource-write.js';
import { DATASTORE_ACTIONS } from './datastore/index.js';
import { METADATA_ACTIONS } from './metadata/index.js';
import { SDI_ACTIONS } from './sdi/index.js';
import { statusShow } from './site/status-show.js';
import { userCreate } from './user/user-create.js';
import { userPasswordChange } from './user/user-password-change.js';
import { userShow } from './user/user-show.js';
import { userUpdate } from './user/user-update.js';
import { WORKFLOW_ACTIONS } from './workflow/index.js';

const ACTIONS = [
  statusShow,
  // catalog reads
  packageList,
  currentPackageListWithResources,
  packageSearch,
  packageShow,
  packageAutocomplete,
  resourceShow,
  organizationList,
  organizationShow,
  groupList,
  groupShow,
  tagList,
  licenseList,
  // catalog writes
  packageCreate,
  packageUpdate,
  packagePatch,
  packageDelete,
  resourceCreate,
  resourceUpdate,
  resourceDelete,
  // accounts and agencies
  userShow,
  userCreate,
  userUpdate,
  userPasswordChange,
  apiTokenCreate,
  apiTokenRevoke,
  agencyCreate,
  agencyUpdate,
  agencyImport,
  // areas: each keeps its list in actions/<area>/index.ts
  ...DATASTORE_ACTIONS,
  ...WORKFLOW_ACTIONS,
  ...METADATA_ACTIONS,
  ...SDI_ACTIONS,
];

/** Every action by name. The API, the pages and the CLI find actions here and nowhere else. */
export const ACTION_REGISTRY: Record<string, ActionDefinition> = Object.fromEntries(
  ACTIONS.map((a) => [a.name, a as unknown as ActionDefinition]),
);
