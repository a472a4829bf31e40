import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { deleteKeyIndicator } from '../collections/curation.repository.js';

/** The custodian removes a key indicator (the table it reads stays). */
export const keyIndicatorDelete = defineAction({
  name: 'key_indicator_delete',
  sideEffectFree: false,
  requires: 'standard:manage',
  input: z.object({ name: z.string().regex(/^[a-z0-9-]{1,100}$/) }),
  authorize: (ctx) => authorize(ctx.actor, 'standard:manage'),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const row = await deleteKeyIndicator(trx, input.name);
      if (!row) throw new NotFoundError({ id: 'Indikator tidak ditemukan', en: 'Indicator not found' });
      await audit({
        action: 'key_indicator_delete',
        subjectType: 'key_indicator',
        subjectId: row.id,
        summary: input,
      });
      return { name: input.name };
    });
  },
});
