import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { loadVisibleResource } from './resource-ingest-status.js';

/**
 * `resource_schema_show?id=<resource id>`: the Table Schema enforced on the resource's uploads
 * (null before the first tabular upload infers one). Readable by whoever may see the dataset,
 * as datapackage.json publishes it.
 */
export const resourceSchemaShow = defineAction({
  name: 'resource_schema_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(100) }),
  // The resource is loaded once, in run(): one the caller may not see is "not found" there.
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const resource = await loadVisibleResource(ctx, input.id);
    return { resource_id: resource.id, table_schema: resource.table_schema ?? null };
  },
});
