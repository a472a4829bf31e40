import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError } from '../../../kernel/errors.js';
import { findAgency, updateAgency } from '../agency.repository.js';
import { AgencyFieldsSchema } from './agency.schema.js';
import { agencyRow, checkRegionCode } from './agency-create.js';

export const AgencyUpdateSchema = AgencyFieldsSchema.extend({ id: z.string().uuid() });

export const agencyUpdate = defineAction({
  name: 'agency_update',
  requires: 'agency:update',
  sideEffectFree: false,
  input: AgencyUpdateSchema,
  authorize: (ctx, input) => authorize(ctx.actor, 'agency:update', { agencyId: input.id }),
  async run(ctx, input) {
    const before = await findAgency(ctx.db, { id: input.id });
    if (!before) throw new NotFoundError({ id: 'Perangkat daerah tidak ditemukan', en: 'Agency not found' });
    await checkRegionCode(ctx.db, input.regionCode);
    const clash = await findAgency(ctx.db, { code: input.code });
    if (clash && clash.id !== input.id)
      throw new ConflictError({ id: `Kode ${input.code} sudah dipakai`, en: `Code ${input.code} is taken` });
    return mutate(ctx, async (trx, audit) => {
      const after = await updateAgency(trx, input.id, agencyRow(input));
      const changed = Object.fromEntries(
        Object.entries(agencyRow(input)).filter(([k, v]) => before[k as keyof typeof before] !== v),
      );
      await audit({
        action: 'agency_update',
        subjectType: 'agency',
        subjectId: input.id,
        summary: { changed },
      });
      return after;
    });
  },
});
