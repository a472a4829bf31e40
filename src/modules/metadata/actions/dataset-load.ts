import type { Kysely } from 'kysely';
import { authorize } from '../../../kernel/access/policy.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import type { Dataset, DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { canSeeDataset, DATASET_NOT_FOUND, grantedAgencies } from '../../catalog/index.js';
import { findDatasetRow } from '../dataset-metadata.repository.js';

/**
 * The dataset if the actor may see it, else 404 — also when it exists but is hidden, so
 * private datasets cannot be discovered by probing names (catalog's loadVisibleDataset, on
 * the given handle: the action's transaction when it changes the dataset).
 */
export async function visibleDataset(
  ctx: ActionContext,
  db: Kysely<DB>,
  d: Dataset | undefined,
): Promise<Dataset> {
  if (!d) throw new NotFoundError(DATASET_NOT_FOUND);
  const granted =
    d.classification === 'restricted' && ctx.actor.agencyId ? await grantedAgencies(db, d.id) : [];
  if (!canSeeDataset(ctx.actor, d, granted)) throw new NotFoundError(DATASET_NOT_FOUND);
  return d;
}

/**
 * The dataset, if the actor may see it (else 404) and fill its metadata (else 403). Actions
 * that change it pass their transaction and `forUpdate`, so the row they authorize is the row
 * they change; pages read it with `ctx.db`.
 */
export async function loadEditableDataset(
  ctx: ActionContext,
  idOrName: string,
  opts: { db?: Kysely<DB>; forUpdate?: boolean } = {},
): Promise<Dataset> {
  const db = opts.db ?? ctx.db;
  const d = await visibleDataset(
    ctx,
    db,
    await findDatasetRow(db, idOrName, { forUpdate: opts.forUpdate ?? false }),
  );
  authorize(ctx.actor, 'metadata:update', { agencyId: d.agency_id });
  return d;
}
