/**
 * The activity plugin's reads (ckanext/activity/logic/action.py `package_activity_list`,
 * `organization_activity_list`, `recently_changed_packages_activity_list`), from the dataset
 * revisions every write records. Paging as CKAN: `limit` (default 31, at most 100), `offset`.
 */
import { z } from 'zod';
import { type Actor, authorize, grantScope } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { type ActivityRow, listActivity } from '../activity.repository.js';
import { ckanTimestamp } from '../package.presenter.js';
import { findOrganizationOrThrow } from './organization-write.js';
import { loadTarget } from './package-update.js';

const Paging = {
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  // ckan.activity_list_limit (31) and ckan.activity_list_limit_max (100).
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((n) => Math.min(n, 100))
    .default(31),
};

const portal = (ctx: ActionContext) => authorize(ctx.actor, 'portal:read');

/** CKAN's activity type of a revision's action. */
function activityType(action: string): string {
  if (action === 'package_create') return 'new package';
  if (action === 'package_delete') return 'deleted package';
  return 'changed package';
}

function activityDict(r: ActivityRow) {
  return {
    id: String(r.id),
    timestamp: ckanTimestamp(r.at),
    user_id: r.actor_id,
    object_id: r.dataset_id,
    activity_type: activityType(r.action),
    data: {
      package: { id: r.dataset_id, name: r.name, title: r.title, owner_org: r.agency_id, private: r.private },
      actor: r.actor_name,
      action: r.action,
    },
  };
}

/** Agencies whose private datasets the actor reads ('all' for region-wide readers). */
function privateReach(actor: Actor): readonly string[] | 'all' {
  const scope = grantScope(actor, 'dataset:read_private');
  if (scope === 'any') return 'all';
  return scope === 'own_agency' && actor.agencyId ? [actor.agencyId] : [];
}

/** `package_activity_list`: the changes of one dataset the caller may see. */
export const packageActivityList = defineAction({
  name: 'package_activity_list',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(200), ...Paging }),
  authorize: portal,
  async run(ctx, input) {
    const d = await loadTarget(ctx, input.id);
    const rows = await listActivity(ctx.db, { datasetId: d.id, privateAgencyIds: 'all', ...input });
    return rows.map(activityDict);
  },
});

/** `organization_activity_list`: changes of the organization's datasets the caller may see. */
export const organizationActivityList = defineAction({
  name: 'organization_activity_list',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(100), ...Paging }),
  authorize: portal,
  async run(ctx, input) {
    const a = await findOrganizationOrThrow(ctx, input.id);
    const rows = await listActivity(ctx.db, {
      agencyId: a.id,
      privateAgencyIds: privateReach(ctx.actor),
      ...input,
    });
    return rows.map(activityDict);
  },
});

/** `recently_changed_packages_activity_list`: the latest changes of public datasets. */
export const recentlyChangedPackagesActivityList = defineAction({
  name: 'recently_changed_packages_activity_list',
  sideEffectFree: true,
  input: z.object(Paging),
  authorize: portal,
  async run(ctx, input) {
    return (await listActivity(ctx.db, { publicOnly: true, ...input })).map(activityDict);
  },
});
