import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { countPublicDatasetsByTopic } from '../catalog-count.repository.js';
import { groupDict } from '../package.presenter.js';
import { findTopic, listTopics } from '../topic.repository.js';
import { ListSchema, pageAndSort, ShowSchema, showExtras } from './list-paging.js';

const portal = (ctx: ActionContext) => authorize(ctx.actor, 'portal:read');

/** CKAN `group_list`: topics as names, or dicts with `package_count` (all_fields). */
export const groupList = defineAction({
  name: 'group_list',
  sideEffectFree: true,
  input: ListSchema.extend({ groups: z.union([z.array(z.string()), z.string()]).optional() }),
  authorize: portal,
  async run(ctx, input) {
    const counts = await countPublicDatasetsByTopic(ctx.db);
    const wanted = typeof input.groups === 'string' ? input.groups.split(',') : input.groups;
    const items = (await listTopics(ctx.db))
      .filter((t) => !wanted || wanted.includes(t.name))
      .map((t) => ({ topic: t, name: t.name, title: t.title, count: counts.get(t.id) ?? 0 }));
    const page = pageAndSort(items, input);
    if (!input.all_fields) return page.map((i) => i.name);
    return page.map((i) => groupDict(i.topic, { package_count: i.count }));
  },
});

/** CKAN `group_show`: one topic; with include_datasets, its first 10 visible datasets. */
export const groupShow = defineAction({
  name: 'group_show',
  sideEffectFree: true,
  input: ShowSchema,
  authorize: portal,
  async run(ctx, input) {
    const t = await findTopic(ctx.db, input.id);
    if (!t) throw new NotFoundError({ id: 'Grup tidak ditemukan', en: 'Group not found' });
    return groupDict(t, await showExtras(ctx, `groups:"${t.name}"`, input));
  },
});
