import { defineAction } from '../../../kernel/actions/action.js';
import { resourceUpdate } from './resource-write.js';

/**
 * CKAN `resource_patch` (ckan/logic/action/patch.py): resource_show merged with the given
 * fields, then resource_update. Our resource_update already keeps every field it is not given,
 * so the patch is that action under CKAN's other name (same input, policy and audit).
 */
export const resourcePatch = defineAction({ ...resourceUpdate, name: 'resource_patch' });
