import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { DatasetFieldsSchema } from './dataset.schema.js';
import { presentPackages } from './dataset-access.js';
import { authorizeDatasetWrite, resolveOwner, saveDataset } from './dataset-save.js';

/** CKAN `package_create`: a new dataset of an agency, private unless the actor may publish. */
export const packageCreate = defineAction({
  name: 'package_create',
  requires: 'dataset:create',
  sideEffectFree: false,
  input: DatasetFieldsSchema,
  async authorize(ctx, input) {
    authorize(ctx.actor, 'dataset:create', { agencyId: ctx.actor.agencyId });
    const agency = await resolveOwner(ctx, input.owner_org);
    authorizeDatasetWrite(ctx, 'dataset:create', agency.id, !input.private && input.state === 'active');
  },
  async run(ctx, input) {
    const agency = await resolveOwner(ctx, input.owner_org);
    const dataset = await mutate(ctx, (trx, audit) => saveDataset(ctx, trx, audit, input, agency, undefined));
    const [dict] = await presentPackages(ctx.db, [dataset], ctx.siteUrl ?? '');
    return dict;
  },
});
