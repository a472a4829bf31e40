import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { listPublicTags } from '../catalog-count.repository.js';
import { LICENSES } from '../domain/licenses.js';
import { tagId } from '../package.presenter.js';
import { looseBoolean } from './dataset.schema.js';

const portal = (ctx: ActionContext) => authorize(ctx.actor, 'portal:read');

/** CKAN `tag_list`: free tags of public datasets, optionally matching `query`/`q`. */
export const tagList = defineAction({
  name: 'tag_list',
  sideEffectFree: true,
  input: z.object({
    query: z.string().max(100).optional(),
    q: z.string().max(100).optional(),
    all_fields: looseBoolean.default(false),
  }),
  authorize: portal,
  async run(ctx, input) {
    const tags = await listPublicTags(ctx.db, input.query ?? input.q, 10_000);
    return input.all_fields
      ? tags.map((name) => ({ id: tagId(name), name, display_name: name, vocabulary_id: null }))
      : tags;
  },
});

/** CKAN `license_list`: the licenses datasets may carry. */
export const licenseList = defineAction({
  name: 'license_list',
  sideEffectFree: true,
  input: z.object({}).passthrough(),
  authorize: portal,
  async run() {
    return LICENSES.map(({ isOpen: _open, ...l }) => l);
  },
});
