import { z } from 'zod';
import { findToken, revokeToken } from '../../db/repositories/api-token.repository.js';
import { NotFoundError } from '../../errors.js';
import { authorize } from '../../policies/policy.js';
import { defineAction } from '../action.js';
import { mutate } from '../context.js';

export const ApiTokenRevokeSchema = z.object({ id: z.string().uuid() });

/** Revoke one of the acting user's own tokens; someone else's token is "not found". */
export const apiTokenRevoke = defineAction({
  name: 'api_token_revoke',
  sideEffectFree: false,
  input: ApiTokenRevokeSchema,
  async authorize(ctx, input) {
    authorize(ctx.actor, 'token:manage_own');
    const token = await findToken(ctx.db, input.id);
    if (!token || token.user_id !== ctx.actor.userId)
      throw new NotFoundError({ id: 'Token tidak ditemukan', en: 'Token not found' });
  },
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      await revokeToken(trx, input.id);
      await audit({ action: 'api_token_revoke', subjectType: 'api_token', subjectId: input.id });
      return { id: input.id };
    });
  },
});
