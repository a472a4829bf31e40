import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { loadLatestVersion, loadVisibleResource, versionError } from './resource-ingest-status.js';

/** ckanext-validation's status names for our version states. */
const STATUS = {
  pending: 'created',
  running: 'running',
  // A first upload held for its producer: read, nothing loaded yet.
  proposed: 'created',
  complete: 'success',
  error: 'failure',
} as const;

/**
 * `resource_validation_show?id=<resource id>`: the latest upload's validation report, with
 * ckanext-validation's keys (`status` success | failure | error — error when the file could not
 * be read at all — `report`, `error`, `created`, `finished`).
 */
export const resourceValidationShow = defineAction({
  name: 'resource_validation_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(100) }),
  // The resource is loaded once, in run(): one the caller may not see is "not found" there.
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const resource = await loadVisibleResource(ctx, input.id);
    const v = await loadLatestVersion(ctx, resource.id);
    const status = v.state === 'error' && !v.report ? 'error' : STATUS[v.state];
    return {
      id: v.id,
      resource_id: resource.id,
      version: v.number,
      status,
      report: v.report ?? null,
      error: versionError(v),
      created: v.created_at.toISOString(),
      finished: v.finished_at?.toISOString() ?? null,
    };
  },
});
