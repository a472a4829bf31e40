import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findDataset, findResource, loadVisibleDataset } from '../../catalog/index.js';
import { buildMetadataDocument } from '../metadata-document.js';
import { findIndicator } from '../variable-indicator.repository.js';

/** All statistical metadata of a dataset as one JSON document (the JSON export). */
export const packageMetadataShow = defineAction({
  name: 'package_metadata_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(200) }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    return buildMetadataDocument(ctx.db, await loadVisibleDataset(ctx, input.id));
  },
});

export const indicatorMetadataShow = defineAction({
  name: 'indicator_metadata_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().uuid() }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const i = await findIndicator(ctx.db, input.id);
    if (!i) throw new NotFoundError({ id: 'Indikator tidak ditemukan', en: 'Indicator not found' });
    await loadVisibleDataset(ctx, i.dataset_id);
    return i;
  },
});

/** MS-Var of one resource: every Table Schema column with its complete answers. */
export const variableMetadataShow = defineAction({
  name: 'variable_metadata_show',
  sideEffectFree: true,
  input: z.object({ resource_id: z.string().uuid() }),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const r = await findResource(ctx.db, input.resource_id);
    const d = r?.state === 'active' ? await findDataset(ctx.db, r.dataset_id) : undefined;
    if (!r || !d) throw new NotFoundError({ id: 'Sumber data tidak ditemukan', en: 'Resource not found' });
    const doc = await buildMetadataDocument(ctx.db, await loadVisibleDataset(ctx, d.id));
    return doc.variables.filter((v) => v.resource_id === r.id);
  },
});
