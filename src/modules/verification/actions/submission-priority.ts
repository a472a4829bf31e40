import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { loadDatasetFor } from '../submissions.js';

/**
 * The custodian marks a dataset as priority data (Data Prioritas, as the forum agreed it): its
 * submissions then always go to the supervisor's review (Perpres 39/2019 art. 13).
 */
export const datasetPrioritySet = defineAction({
  name: 'dataset_priority_set',
  sideEffectFree: false,
  requires: 'dataset:verify',
  input: z.object({
    id: z.string().min(1).max(200),
    priority: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  }),
  async authorize(ctx, input) {
    const d = await loadDatasetFor(ctx, input.id);
    authorize(ctx.actor, 'dataset:verify', { agencyId: d.agency_id });
  },
  async run(ctx, input) {
    const d = await loadDatasetFor(ctx, input.id);
    await mutate(ctx, async (trx, audit) => {
      await trx.updateTable('dataset').set({ priority: input.priority }).where('id', '=', d.id).execute();
      await audit({
        action: 'dataset_priority_set',
        subjectType: 'dataset',
        subjectId: d.id,
        summary: { priority: { from: d.priority, to: input.priority } },
      });
    });
    return { id: d.id, name: d.name, priority: input.priority };
  },
});
