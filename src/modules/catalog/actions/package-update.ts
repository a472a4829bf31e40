import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findDataset } from '../dataset.repository.js';
import { type DatasetFields, DatasetFieldsSchema } from './dataset.schema.js';
import { canSeeDataset, DATASET_NOT_FOUND, presentPackages } from './dataset-access.js';
import { authorizeDatasetWrite, conflictIfStale, resolveOwner, saveDataset } from './dataset-save.js';

export const PackageUpdateSchema = DatasetFieldsSchema.extend({
  /** The dataset's id or current name. */
  id: z.string().min(1),
  /** Optimistic lock: the metadata_modified the caller last read; a newer one refuses the write. */
  if_unmodified_since: z.string().optional(),
});

/** Load the dataset a write targets; hidden ones are "not found". */
export async function loadTarget(ctx: ActionContext, id: string) {
  const d = await findDataset(ctx.db, id);
  if (!d || d.state === 'deleted' || !canSeeDataset(ctx.actor, d)) throw new NotFoundError(DATASET_NOT_FOUND);
  return d;
}

/** Apply a full set of fields to an existing dataset (shared by package_update and package_patch). */
export async function replaceDataset(
  ctx: ActionContext,
  id: string,
  fields: DatasetFields,
  ifUnmodifiedSince?: string,
) {
  const existing = await loadTarget(ctx, id);
  conflictIfStale(existing, ifUnmodifiedSince);
  const agency = await resolveOwner(ctx, fields.owner_org);
  const dataset = await mutate(ctx, (trx, audit) => saveDataset(ctx, trx, audit, fields, agency, existing));
  const [dict] = await presentPackages(ctx.db, [dataset], ctx.siteUrl ?? '');
  return dict;
}

/**
 * The write policy for changing a dataset: update rights on its current agency and on the
 * new one (moving it), and publish rights when it becomes public.
 */
export async function authorizeReplace(ctx: ActionContext, id: string, fields: DatasetFields) {
  const existing = await loadTarget(ctx, id);
  const becomesPublic =
    !fields.private && fields.state === 'active' && (existing.private || existing.state !== 'active');
  authorizeDatasetWrite(ctx, 'dataset:update', existing.agency_id, becomesPublic);
  const agency = await resolveOwner(ctx, fields.owner_org);
  if (agency.id !== existing.agency_id) authorizeDatasetWrite(ctx, 'dataset:update', agency.id, false);
}

/** CKAN `package_update`: replace the dataset's fields; omitted tags and groups are cleared. */
export const packageUpdate = defineAction({
  name: 'package_update',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: PackageUpdateSchema,
  authorize: (ctx, input) => authorizeReplace(ctx, input.id, input),
  run: (ctx, input) => replaceDataset(ctx, input.id, input, input.if_unmodified_since),
});
