import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import { groupList, groupShow } from './actions/group-read.js';
import { organizationList, organizationShow } from './actions/organization-read.js';
import { packageCreate } from './actions/package-create.js';
import { packageDelete } from './actions/package-delete.js';
import { packagePatch } from './actions/package-patch.js';
import {
  currentPackageListWithResources,
  packageAutocomplete,
  packageList,
  packageShow,
  resourceShow,
} from './actions/package-read.js';
import { packageSearch } from './actions/package-search.js';
import { packageUpdate } from './actions/package-update.js';
import { statusShow } from './actions/status-show.js';
import { licenseList, tagList } from './actions/tag-license.js';

/** The catalog: datasets, resources, topics, search, and CKAN's package and organization actions. */
export const catalogModule: AppModule = {
  name: 'catalog',
  actions: [
    statusShow,
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
    packageCreate,
    packageUpdate,
    packagePatch,
    packageDelete,
  ] as ActionDefinition[],
};
