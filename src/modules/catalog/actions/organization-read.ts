import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import type { Agency } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findAgency, listAgencies } from '../../agencies/index.js';
import { countPublicDatasetsByAgency } from '../catalog-count.repository.js';
import { organizationDict } from '../package.presenter.js';
import { ListSchema, pageAndSort, ShowSchema, showExtras } from './list-paging.js';

const portal = (ctx: ActionContext) => authorize(ctx.actor, 'agency:read');

/** CKAN `organization_list`: agencies as names, or dicts with `package_count` (all_fields). */
export const organizationList = defineAction({
  name: 'organization_list',
  sideEffectFree: true,
  input: ListSchema.extend({ organizations: z.union([z.array(z.string()), z.string()]).optional() }),
  authorize: portal,
  async run(ctx, input) {
    const counts = await countPublicDatasetsByAgency(ctx.db);
    const wanted =
      typeof input.organizations === 'string' ? input.organizations.split(',') : input.organizations;
    const items = (await listAgencies(ctx.db))
      .filter((a) => !wanted || wanted.includes(a.code))
      .map((a) => ({ agency: a, name: a.code, title: a.name, count: counts.get(a.id) ?? 0 }));
    const page = pageAndSort(items, input);
    if (!input.all_fields) return page.map((i) => i.name);
    return page.map((i) => organizationDict(i.agency, { package_count: i.count }));
  },
});

async function findOrganization(ctx: ActionContext, id: string): Promise<Agency> {
  const a =
    (await findAgency(ctx.db, { code: id })) ??
    (/^[0-9a-f-]{36}$/i.test(id) ? await findAgency(ctx.db, { id }) : undefined);
  if (!a) throw new NotFoundError({ id: 'Organisasi tidak ditemukan', en: 'Organization not found' });
  return a;
}

/** CKAN `organization_show`: one agency; with include_datasets, its first 10 visible datasets. */
export const organizationShow = defineAction({
  name: 'organization_show',
  sideEffectFree: true,
  input: ShowSchema,
  authorize: portal,
  async run(ctx, input) {
    const a = await findOrganization(ctx, input.id);
    return organizationDict(a, await showExtras(ctx, `owner_org:${a.id}`, input));
  },
});
