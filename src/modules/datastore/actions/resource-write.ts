/**
 * CKAN's resource writes. Each loads its subject once, inside its transaction (the resource and
 * its dataset locked FOR UPDATE), authorizes the loaded dataset, then writes: the check and the
 * change see the same rows.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { insertResource, loadTargetForUpdate, updateResource } from '../../catalog/index.js';
import { lockResource } from '../resource.repository.js';
import { refuseMislabelledFile } from './file-kind.js';
import { ResourceFields, resourceRow } from './resource-fields.js';
import { recordResourceChange, writeResource } from './resource-save.js';

export { formatFromName, ingestFormatOf, type StoredUpload, StoredUploadSchema } from './resource-fields.js';

/**
 * The dataset a write targets, locked in the write's transaction (a concurrent move to another
 * agency waits or is waited for); 404 when hidden, 403 without rights on its agency.
 */
async function authorizedDataset(ctx: ActionContext, trx: Transaction<DB>, datasetId: string) {
  const d = await loadTargetForUpdate(ctx, trx, datasetId);
  authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
  return d;
}

/** The active resource, locked, and its dataset once the actor may update it. */
async function authorizedResource(ctx: ActionContext, trx: Transaction<DB>, id: string) {
  const r = await lockResource(trx, id);
  if (r?.state !== 'active')
    throw new NotFoundError({ id: 'Sumber daya tidak ditemukan', en: 'Resource not found' });
  await authorizedDataset(ctx, trx, r.dataset_id);
  return r;
}

/** CKAN `resource_create`: a link (url) or an uploaded file (multipart `upload`) on a dataset. */
export const resourceCreate = defineAction({
  name: 'resource_create',
  requires: 'dataset:update',
  sideEffectFree: false,
  acceptsUpload: true,
  input: ResourceFields.extend({ package_id: z.string().min(1) }),
  // The dataset is loaded and checked once, in run()'s transaction.
  authorize: () => {},
  run: async (ctx, input) => {
    await refuseMislabelledFile(ctx, input.upload);
    return writeResource(ctx, async (trx, audit) => {
      const d = await authorizedDataset(ctx, trx, input.package_id);
      const row = resourceRow(input);
      const resource = await insertResource(trx, { dataset_id: d.id, ...row });
      return recordResourceChange(ctx, trx, audit, {
        action: 'resource_create',
        datasetId: d.id,
        resource,
        upload: input,
      });
    });
  },
});

/**
 * CKAN `resource_update`: change a resource; a new upload gets a new stored file and the old
 * file is kept (the revision names both), so every version stays retrievable.
 */
export const resourceUpdate = defineAction({
  name: 'resource_update',
  requires: 'dataset:update',
  sideEffectFree: false,
  acceptsUpload: true,
  input: ResourceFields.extend({ id: z.string().min(1) }),
  // The resource is loaded (locked) and checked once, in run()'s transaction.
  authorize: () => {},
  run: async (ctx, input) => {
    await refuseMislabelledFile(ctx, input.upload);
    return writeResource(ctx, async (trx, audit) => {
      const previous = await authorizedResource(ctx, trx, input.id);
      const row = resourceRow(input, previous);
      const resource = await updateResource(trx, previous.id, row);
      return recordResourceChange(ctx, trx, audit, {
        action: 'resource_update',
        datasetId: previous.dataset_id,
        resource,
        previous,
        upload: input,
      });
    });
  },
});

/** CKAN `resource_delete`: a soft delete; the stored file stays for the record. */
export const resourceDelete = defineAction({
  name: 'resource_delete',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().min(1) }),
  // The resource is loaded (locked) and checked once, in run()'s transaction.
  authorize: () => {},
  async run(ctx, input) {
    await writeResource(ctx, async (trx, audit) => {
      const current = await authorizedResource(ctx, trx, input.id);
      const resource = await updateResource(trx, current.id, { state: 'deleted' });
      return recordResourceChange(ctx, trx, audit, {
        action: 'resource_delete',
        datasetId: current.dataset_id,
        resource,
      });
    });
    return null;
  },
});
