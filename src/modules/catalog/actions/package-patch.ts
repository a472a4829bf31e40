import type { Transaction } from 'kysely';
import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { parseInput } from '../../../kernel/actions/parse-input.js';
import type { Dataset, DB } from '../../../kernel/db/schema.js';
import { findAgency } from '../../agencies/index.js';
import { loadDatasetParts } from '../dataset.repository.js';
import { type DatasetFields, DatasetFieldsSchema } from './dataset.schema.js';
import { loadTargetForUpdate, presentSaved, replaceLoadedDataset } from './package-update.js';

export const PackagePatchSchema = z
  .object({ id: z.string().min(1), if_unmodified_since: z.string().optional() })
  .catchall(z.unknown());

/** The dataset as the fields package_update takes, so a patch can be merged onto it. */
async function currentFields(trx: Transaction<DB>, d: Dataset): Promise<Record<string, unknown>> {
  const parts = (await loadDatasetParts(trx, [d.id])).get(d.id);
  const agency = await findAgency(trx, { id: d.agency_id });
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

/** The loaded dataset's fields with the patch laid over them, validated as package_update's. */
async function mergedFields(
  trx: Transaction<DB>,
  existing: Dataset,
  input: z.infer<typeof PackagePatchSchema>,
): Promise<DatasetFields> {
  const { id: _id, if_unmodified_since: _since, ...patch } = input;
  return parseInput(DatasetFieldsSchema, { ...(await currentFields(trx, existing)), ...patch });
}

/**
 * CKAN `package_patch`: change only the given fields, keep the rest. One pass, as
 * package_update: load (locked) → merge → authorize the loaded row → stale check → save.
 */
export const packagePatch = defineAction({
  name: 'package_patch',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: PackagePatchSchema,
  // The check needs the dataset: it runs on the row loaded (and locked) in run().
  authorize: () => {},
  async run(ctx, input) {
    const dataset = await mutate(ctx, async (trx, audit) => {
      const existing = await loadTargetForUpdate(ctx, trx, input.id);
      const fields = await mergedFields(trx, existing, input);
      return replaceLoadedDataset(ctx, trx, audit, existing, fields, input.if_unmodified_since);
    });
    return presentSaved(ctx, dataset);
  },
});
