import type { Transaction } from 'kysely';
import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, type Audit, mutate } from '../../../kernel/actions/context.js';
import type { Dataset, DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findDataset, findDatasetForUpdate } from '../dataset.repository.js';
import { type DatasetFields, DatasetFieldsSchema } from './dataset.schema.js';
import { canSeeDataset, DATASET_NOT_FOUND, presentPackages } from './dataset-access.js';
import { authorizeDatasetWrite, conflictIfStale, resolveOwner, saveDataset } from './dataset-save.js';

export const PackageUpdateSchema = DatasetFieldsSchema.extend({
  /** The dataset's id or current name. */
  id: z.string().min(1),
  /** Optimistic lock: the metadata_modified the caller last read; a newer one refuses the write. */
  if_unmodified_since: z.string().optional(),
});

/** A dataset a write may target: deleted or hidden ones are "not found". */
function visibleTarget(ctx: ActionContext, d: Dataset | undefined): Dataset {
  if (!d || d.state === 'deleted' || !canSeeDataset(ctx.actor, d)) throw new NotFoundError(DATASET_NOT_FOUND);
  return d;
}

/** Load the dataset a write targets, outside any transaction; hidden ones are "not found". */
export async function loadTarget(ctx: ActionContext, id: string) {
  return visibleTarget(ctx, await findDataset(ctx.db, id));
}

/**
 * Load the dataset a write targets inside the write's transaction, locked until it commits
 * (`FOR UPDATE`): the policy is then checked against the very row that is changed.
 */
export async function loadTargetForUpdate(ctx: ActionContext, trx: Transaction<DB>, id: string) {
  return visibleTarget(ctx, await findDatasetForUpdate(trx, id));
}

/**
 * The write policy for changing a loaded dataset: update rights on its current agency and on
 * the new one (moving it), and publish rights when it becomes public. Returns the new owner.
 */
export async function authorizeReplace(
  ctx: ActionContext,
  trx: Transaction<DB>,
  existing: Dataset,
  fields: DatasetFields,
) {
  const becomesPublic =
    !fields.private && fields.state === 'active' && (existing.private || existing.state !== 'active');
  authorizeDatasetWrite(ctx, 'dataset:update', existing.agency_id, becomesPublic);
  const agency = await resolveOwner(ctx, fields.owner_org, trx);
  if (agency.id !== existing.agency_id) authorizeDatasetWrite(ctx, 'dataset:update', agency.id, false);
  return agency;
}

/**
 * Apply a full set of fields to a dataset loaded (and locked) in this transaction: authorize
 * the loaded row, refuse a stale write, then save (shared by package_update and package_patch).
 */
export async function replaceLoadedDataset(
  ctx: ActionContext,
  trx: Transaction<DB>,
  audit: Audit,
  existing: Dataset,
  fields: DatasetFields,
  ifUnmodifiedSince: string | undefined,
): Promise<Dataset> {
  const agency = await authorizeReplace(ctx, trx, existing, fields);
  conflictIfStale(existing, ifUnmodifiedSince);
  return saveDataset(ctx, trx, audit, fields, agency, existing);
}

/** The package dict of a saved dataset, as package_update and package_patch return it. */
export async function presentSaved(ctx: ActionContext, dataset: Dataset) {
  const [dict] = await presentPackages(ctx.db, [dataset], ctx.siteUrl ?? '');
  return dict;
}

/**
 * CKAN `package_update`: replace the dataset's fields; omitted tags and groups are cleared.
 * One pass: the dataset is loaded once, inside the transaction and locked, then authorized
 * (404 hidden, 403 not allowed), checked for staleness (409) and changed.
 */
export const packageUpdate = defineAction({
  name: 'package_update',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: PackageUpdateSchema,
  // The check needs the dataset: it runs on the row loaded (and locked) in run().
  authorize: () => {},
  async run(ctx, input) {
    const dataset = await mutate(ctx, async (trx, audit) => {
      const existing = await loadTargetForUpdate(ctx, trx, input.id);
      return replaceLoadedDataset(ctx, trx, audit, existing, input, input.if_unmodified_since);
    });
    return presentSaved(ctx, dataset);
  },
});
