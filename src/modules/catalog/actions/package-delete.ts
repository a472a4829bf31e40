import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { insertRevision, updateDataset } from '../dataset.repository.js';
import { loadTargetForUpdate } from './package-update.js';

/**
 * CKAN `package_delete`: a soft delete (state `deleted`); the rows and files stay. One pass:
 * the dataset is loaded and locked in the transaction, then its agency is authorized.
 */
export const packageDelete = defineAction({
  name: 'package_delete',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().min(1) }),
  // The check needs the dataset: it runs on the row loaded (and locked) in run().
  authorize: () => {},
  async run(ctx, input) {
    await mutate(ctx, async (trx, audit) => {
      const d = await loadTargetForUpdate(ctx, trx, input.id);
      authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
      await updateDataset(trx, d.id, { state: 'deleted' });
      await insertRevision(trx, {
        datasetId: d.id,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.username,
        action: 'package_delete',
        changes: { state: { from: d.state, to: 'deleted' } },
      });
      await audit({
        action: 'package_delete',
        subjectType: 'dataset',
        subjectId: d.id,
        summary: { name: d.name },
      });
    });
    return null;
  },
});
