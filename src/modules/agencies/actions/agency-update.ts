import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, NotFoundError } from '../../../kernel/errors.js';
import { findAgency, findAgencyForUpdate, updateAgency } from '../agency.repository.js';
import { AgencyFieldsSchema } from './agency.schema.js';
import { agencyRow, checkRegionCode } from './agency-create.js';

export const AgencyUpdateSchema = AgencyFieldsSchema.extend({ id: z.string().uuid() });

/**
 * Change an agency. One pass: the agency is loaded once, inside the transaction and locked,
 * authorized against the loaded row, checked, then changed with its audit row.
 */
export const agencyUpdate = defineAction({
  name: 'agency_update',
  requires: 'agency:update',
  sideEffectFree: false,
  input: AgencyUpdateSchema,
  // An agency's own id is its scope, so this needs no load; run() checks the loaded row again.
  authorize: (ctx, input) => authorize(ctx.actor, 'agency:update', { agencyId: input.id }),
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const before = await findAgencyForUpdate(trx, input.id);
      if (!before)
        throw new NotFoundError({ id: 'Perangkat daerah tidak ditemukan', en: 'Agency not found' });
      authorize(ctx.actor, 'agency:update', { agencyId: before.id });
      await checkRegionCode(trx, input.regionCode);
      const clash = await findAgency(trx, { code: input.code });
      if (clash && clash.id !== input.id)
        throw new ConflictError({
          id: `Kode ${input.code} sudah dipakai`,
          en: `Code ${input.code} is taken`,
        });
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
