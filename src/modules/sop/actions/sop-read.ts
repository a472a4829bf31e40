import { z } from 'zod';
import { authorize, can } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { sopDefinition, sopsInForce } from '../sops-in-force.js';

const NOT_FOUND = { id: 'Dokumen SOP tidak ditemukan', en: 'SOP document not found' };

/** A definition version by id; a missing one reads as a missing SOP document. */
function load(db: Parameters<typeof sopDefinition>[0], id: string) {
  return sopDefinition(db, id).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError(NOT_FOUND) : e;
  });
}

/** `sop_list`: the region's SOPs in force (public: SOPs are public documents). */
export const sopList = defineAction({
  name: 'sop_list',
  sideEffectFree: true,
  input: z.object({}),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  run: (ctx) => sopsInForce(ctx.db),
});

/**
 * `sop_show`: one definition version for its SOP document. A version in force is public; any
 * other (an older version, a copy not yet chosen) only for those who configure workflows, and
 * unknown to everyone else (404, not 403).
 */
export const sopShow = defineAction({
  name: 'sop_show',
  sideEffectFree: true,
  input: z.object({ id: z.string().uuid() }),
  async authorize(ctx, input) {
    authorize(ctx.actor, 'portal:read');
    const found = await load(ctx.db, input.id);
    if (!found.inForce && !can(ctx.actor, 'workflow:configure')) throw new NotFoundError(NOT_FOUND);
  },
  run: (ctx, input) => load(ctx.db, input.id),
});
