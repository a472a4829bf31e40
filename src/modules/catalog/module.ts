import type { ActionDefinition } from '../../kernel/actions/action.js';
import type { AppModule } from '../../kernel/module.js';
import {
  organizationActivityList,
  packageActivityList,
  recentlyChangedPackagesActivityList,
} from './actions/activity.js';
import { groupList, groupShow } from './actions/group-read.js';
import { groupCreate, groupDelete, groupPatch, groupUpdate } from './actions/group-write.js';
import { groupPackageShow, memberCreate, memberDelete, memberList } from './actions/member.js';
import {
  organizationListForUser,
  organizationMemberCreate,
  organizationMemberDelete,
} from './actions/organization-members.js';
import { organizationList, organizationShow } from './actions/organization-read.js';
import {
  organizationCreate,
  organizationDelete,
  organizationPatch,
  organizationUpdate,
} from './actions/organization-write.js';
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
import { packageResourceReorder } from './actions/package-resource-reorder.js';
import { packageRevise } from './actions/package-revise.js';
import { packageSearch } from './actions/package-search.js';
import { packageUpdate } from './actions/package-update.js';
import { statusShow } from './actions/status-show.js';
import { licenseList, tagList } from './actions/tag-license.js';
import {
  formatAutocomplete,
  resourceSearch,
  tagAutocomplete,
  tagSearch,
  tagShow,
} from './actions/tag-search.js';

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
    packageRevise,
    packageResourceReorder,
    organizationCreate,
    organizationUpdate,
    organizationPatch,
    organizationDelete,
    organizationListForUser,
    organizationMemberCreate,
    organizationMemberDelete,
    groupCreate,
    groupUpdate,
    groupPatch,
    groupDelete,
    memberCreate,
    memberDelete,
    memberList,
    groupPackageShow,
    tagShow,
    tagSearch,
    tagAutocomplete,
    formatAutocomplete,
    resourceSearch,
    packageActivityList,
    organizationActivityList,
    recentlyChangedPackagesActivityList,
  ] as ActionDefinition[],
};
