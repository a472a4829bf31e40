import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { hashSecret, newSecret } from '../../../kernel/access/secret.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotAuthorizedError } from '../../../kernel/errors.js';
import { insertApiToken } from '../api-token.repository.js';

/** Tokens start with this so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'sdt_';

export const ApiTokenCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
});

/**
 * Create an API token for the acting user. The token is returned once and only its hash is
 * kept, as CKAN does with `api_token_create`.
 */
export const apiTokenCreate = defineAction({
  name: 'api_token_create',
  sideEffectFree: false,
  input: ApiTokenCreateSchema,
  authorize: (ctx) => authorize(ctx.actor, 'token:manage_own'),
  async run(ctx, input) {
    const userId = ctx.actor.userId;
    if (!userId) throw new NotAuthorizedError('token:manage_own');
    const token = `${TOKEN_PREFIX}${newSecret(32)}`;
    return mutate(ctx, async (trx, audit) => {
      const row = await insertApiToken(trx, {
        userId,
        name: input.name,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      });
      await audit({
        action: 'api_token_create',
        subjectType: 'api_token',
        subjectId: row.id,
        summary: { name: input.name },
      });
      return { id: row.id, name: row.name, token };
    });
  },
});
