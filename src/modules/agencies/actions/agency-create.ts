import type { Kysely } from 'kysely';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { findAgency, insertAgency } from '../agency.repository.js';
import { findRegion } from '../region.repository.js';
import { type AgencyFields, AgencyFieldsSchema } from './agency.schema.js';

/** Refuse an unknown region code with a field error. */
export async function checkRegionCode(db: Kysely<DB>, code: string | undefined): Promise<void> {
  if (code && !(await findRegion(db, code)))
    throw new ValidationError({
      regionCode: [{ id: `Kode wilayah ${code} tidak dikenal`, en: `Unknown region code ${code}` }],
    });
}

export function agencyRow(input: AgencyFields) {
  return {
    code: input.code,
    name: input.name,
    short_name: input.shortName,
    kind: input.kind,
    region_code: input.regionCode ?? null,
  };
}

export const agencyCreate = defineAction({
  name: 'agency_create',
  requires: 'agency:create',
  sideEffectFree: false,
  input: AgencyFieldsSchema,
  authorize: (ctx) => authorize(ctx.actor, 'agency:create'),
  async run(ctx, input) {
    await checkRegionCode(ctx.db, input.regionCode);
    if (await findAgency(ctx.db, { code: input.code }))
      throw new ConflictError({ id: `Kode ${input.code} sudah dipakai`, en: `Code ${input.code} is taken` });
    return mutate(ctx, async (trx, audit) => {
      const agency = await insertAgency(trx, agencyRow(input));
      await audit({
        action: 'agency_create',
        subjectType: 'agency',
        subjectId: agency.id,
        summary: agencyRow(input),
      });
      return agency;
    });
  },
});
