import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { parseInput } from '../../../kernel/actions/parse-input.js';
import type { Dataset } from '../../../kernel/db/schema.js';
import { findAgency } from '../../agencies/index.js';
import { loadDatasetParts } from '../dataset.repository.js';
import { type DatasetFields, DatasetFieldsSchema } from './dataset.schema.js';
import { authorizeReplace, loadTarget, replaceDataset } from './package-update.js';

export const PackagePatchSchema = z
  .object({ id: z.string().min(1), if_unmodified_since: z.string().optional() })
  .catchall(z.unknown());

/** The dataset as the fields package_update takes, so a patch can be merged onto it. */
async function currentFields(ctx: ActionContext, d: Dataset): Promise<Record<string, unknown>> {
  const parts = (await loadDatasetParts(ctx.db, [d.id])).get(d.id);
  const agency = await findAgency(ctx.db, { id: d.agency_id });
  return {
    name: d.name,
    title: d.title,
    notes: d.notes,
    owner_org: agency?.code ?? d.agency_id,
    private: d.private,
    state: d.state === 'deleted' ? 'draft' : d.state,
    license_id: d.license_id,
    author: d.author,
    author_email: d.author_email,
    maintainer: d.maintainer,
    maintainer_email: d.maintainer_email,
    url: d.url,
    version: d.version,
    tags: parts?.tags ?? [],
    groups: (parts?.topics ?? []).map((t) => t.name),
    extras: Object.entries(d.extras ?? {}).map(([key, value]) => ({ key, value })),
    update_frequency: d.update_frequency,
    temporal_start: d.temporal_start,
    temporal_end: d.temporal_end,
    spatial: d.spatial_codes,
  };
}

async function mergedFields(
  ctx: ActionContext,
  input: z.infer<typeof PackagePatchSchema>,
): Promise<DatasetFields> {
  const existing = await loadTarget(ctx, input.id);
  const { id: _id, if_unmodified_since: _since, ...patch } = input;
  return parseInput(DatasetFieldsSchema, { ...(await currentFields(ctx, existing)), ...patch });
}

/** CKAN `package_patch`: change only the given fields, keep the rest. */
export const packagePatch = defineAction({
  name: 'package_patch',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: PackagePatchSchema,
  async authorize(ctx, input) {
    await authorizeReplace(ctx, input.id, await mergedFields(ctx, input));
  },
  async run(ctx, input) {
    return replaceDataset(ctx, input.id, await mergedFields(ctx, input), input.if_unmodified_since);
  },
});
