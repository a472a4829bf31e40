import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { DatasetFieldsSchema } from './dataset.schema.js';
import { presentPackages } from './dataset-access.js';
import { authorizeDatasetWrite, resolveOwner, saveDataset } from './dataset-save.js';

/**
 * CKAN `package_create`: a new dataset of an agency, private unless the actor may publish.
 * One pass: the owning agency is resolved once, in the transaction, and the policy is checked
 * against it there.
 */
export const packageCreate = defineAction({
  name: 'package_create',
  requires: 'dataset:create',
  sideEffectFree: false,
  input: DatasetFieldsSchema,
  // What needs no load; the owning agency is resolved and authorized in run().
  authorize: (ctx) => authorize(ctx.actor, 'dataset:create', { agencyId: ctx.actor.agencyId }),
  async run(ctx, input) {
    const dataset = await mutate(ctx, async (trx, audit) => {
      const agency = await resolveOwner(ctx, input.owner_org, trx);
      authorizeDatasetWrite(ctx, 'dataset:create', agency.id, !input.private && input.state === 'active');
      return saveDataset(ctx, trx, audit, input, agency, undefined);
    });
    const [dict] = await presentPackages(ctx.db, [dataset], ctx.siteUrl ?? '');
    return dict;
  },
});
