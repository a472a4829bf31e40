import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { GRANTABLE_ROLES } from '../../../kernel/access/roles.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { POSITIONS } from '../domain/routing.js';
import { activeUserWithRole, setPosition } from '../routing.repository.js';

/**
 * Give a user a position within one of their roles (staff, Kasi, sub-coordinator, Kabid, Kadis),
 * or take it back (empty position). Steps naming a position go to its holders only.
 */
export const userPositionSet = defineAction({
  name: 'user_position_set',
  sideEffectFree: false,
  requires: 'user:assign_role',
  input: z.object({
    user_id: z.string().uuid('Pengguna tidak dikenal / Unknown user'),
    role: z.enum(GRANTABLE_ROLES, { error: 'Peran tidak dikenal / Unknown role' }),
    position: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.enum(POSITIONS, { error: 'Jabatan tidak dikenal / Unknown position' }).optional(),
    ),
  }),
  authorize: (ctx) => authorize(ctx.actor, 'user:assign_role'),
  async run(ctx, input) {
    await mutate(ctx, async (trx, audit) => {
      if (!(await activeUserWithRole(trx, input.user_id, input.role)))
        throw new NotFoundError({
          id: 'Pengguna aktif dengan peran itu tidak ditemukan',
          en: 'No active user with that role',
        });
      await setPosition(trx, input.user_id, input.role, input.position ?? null);
      await audit({
        action: 'user_position_set',
        subjectType: 'user',
        subjectId: input.user_id,
        summary: { role: input.role, position: input.position ?? null },
      });
    });
    return { user_id: input.user_id, role: input.role, position: input.position ?? null };
  },
});
