import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findTokenForUpdate, revokeToken } from '../api-token.repository.js';

export const ApiTokenRevokeSchema = z.object({ id: z.string().uuid() });

/**
 * Revoke one of the acting user's own tokens; someone else's token is "not found". One pass:
 * the token is loaded once, inside the transaction and locked, then its owner is checked.
 */
export const apiTokenRevoke = defineAction({
  name: 'api_token_revoke',
  sideEffectFree: false,
  input: ApiTokenRevokeSchema,
  // What needs no load; whose token it is is checked on the row loaded in run().
  authorize: (ctx) => authorize(ctx.actor, 'token:manage_own'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const token = await findTokenForUpdate(trx, input.id);
      if (!token || token.user_id !== ctx.actor.userId)
        throw new NotFoundError({ id: 'Token tidak ditemukan', en: 'Token not found' });
      await revokeToken(trx, input.id);
      await audit({ action: 'api_token_revoke', subjectType: 'api_token', subjectId: input.id });
      return { id: input.id };
    });
  },
});
