import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ValidationError } from '../../../kernel/errors.js';
import { insertRevision, refreshDatasetSearch, updateDataset } from '../dataset.repository.js';
import { listResourceOrder, setResourcePositions } from '../resource-order.repository.js';
import { loadTargetForUpdate } from './package-update.js';

const orderError = (id: string, en: string) => new ValidationError({ order: [{ id, en }] });

/**
 * CKAN `package_resource_reorder` (ckan/logic/action/update.py): the resources named in `order`
 * come first, in that order, the rest keep theirs after them. Returns `{id, order}`.
 */
export const packageResourceReorder = defineAction({
  name: 'package_resource_reorder',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z.object({
    id: z.string().min(1).max(200),
    order: z.preprocess(
      (v) => (typeof v === 'string' ? JSON.parse(v) : v),
      z.array(z.string().max(100)).max(1000),
    ),
  }),
  // The dataset is loaded (locked) and checked in the transaction.
  authorize: () => {},
  run: (ctx, input) =>
    mutate(ctx, async (trx, audit) => {
      const d = await loadTargetForUpdate(ctx, trx, input.id);
      authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
      // update.py: `if len(set(order)) != len(order): raise ValidationError({'order': 'Must supply unique resource_ids'})`.
      if (new Set(input.order).size !== input.order.length)
        throw orderError('Id sumber daya harus unik', 'Must supply unique resource_ids');
      const current = await listResourceOrder(trx, d.id);
      const missing = input.order.find((id) => !current.includes(id));
      if (missing)
        throw orderError(`Sumber daya ${missing} tidak ditemukan`, `resource_id ${missing} can not be found`);
      const order = [...input.order, ...current.filter((id) => !input.order.includes(id))];
      await setResourcePositions(trx, order);
      await updateDataset(trx, d.id, {});
      await refreshDatasetSearch(trx, d.id);
      await insertRevision(trx, {
        datasetId: d.id,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.username,
        action: 'package_resource_reorder',
        changes: { order },
      });
      await audit({
        action: 'package_resource_reorder',
        subjectType: 'dataset',
        subjectId: d.id,
        summary: { before: current, order },
      });
      return { id: input.id, order };
    }),
});
