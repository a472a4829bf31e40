import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { loadVisibleDataset } from '../../catalog/index.js';
import { datasetConformity } from '../conformity.js';

/**
 * The SDI conformity of a dataset: score 0..100 and each requirement met or missing, with
 * where (our own endpoint; issue #6 item 4). Anyone who may see the dataset may read it.
 */
export const packageConformityShow = defineAction({
  name: 'package_conformity_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().trim().min(1) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const d = await loadVisibleDataset(ctx, input.id);
    return { id: d.id, name: d.name, ...(await datasetConformity(ctx.db, d.id)) };
  },
});
