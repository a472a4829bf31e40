import { z } from 'zod';
import { listPublicTags } from '../../db/repositories/catalog-count.repository.js';
import { LICENSES } from '../../domain/catalog/licenses.js';
import { tagId } from '../../http/presenters/package.presenter.js';
import { authorize } from '../../policies/policy.js';
import { defineAction } from '../action.js';
import type { ActionContext } from '../context.js';
import { looseBoolean } from '../dataset/dataset.schema.js';

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
