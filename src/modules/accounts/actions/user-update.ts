import type { Transaction } from 'kysely';
import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { GRANTABLE_ROLES } from '../../../kernel/access/roles.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DB } from '../../../kernel/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { findAgency } from '../../agencies/index.js';
import { deleteUserSessions } from '../session.repository.js';
import { findUserForUpdate, setRoles, type UserWithRoles, updateUser } from '../user.repository.js';
import { checkRoleAgencyBinding } from './role-binding.js';

export const UserUpdateSchema = z.object({
  id: z.string().uuid(),
  fullName: z.string().trim().min(2).max(200).optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  agencyId: z.string().uuid().nullable().optional(),
  roles: z.array(z.enum(GRANTABLE_ROLES)).optional(),
  state: z.enum(['active', 'disabled']).optional(),
  /** Clear a lockout after too many failed logins. */
  unlock: z.boolean().optional(),
});

/**
 * Refuse what the change may not do to the loaded user: lock administrators out of their own
 * account, leave a producer without an agency, or name an unknown agency.
 */
async function checkUserUpdate(
  ctx: ActionContext,
  trx: Transaction<DB>,
  user: UserWithRoles,
  input: z.infer<typeof UserUpdateSchema>,
): Promise<void> {
  if (
    input.id === ctx.actor.userId &&
    (input.state === 'disabled' || (input.roles && !input.roles.includes('administrator')))
  )
    throw new ConflictError({
      id: 'Anda tidak dapat menonaktifkan atau mencabut peran administrator akun sendiri',
      en: 'You cannot disable your own account or remove your own administrator role',
    });
  const agencyId = input.agencyId === undefined ? user.agency_id : input.agencyId;
  const roles = input.roles ?? user.roles.filter((r) => r !== 'public');
  checkRoleAgencyBinding(roles, agencyId);
  if (input.agencyId && !(await findAgency(trx, { id: input.agencyId })))
    throw new ValidationError({
      agencyId: [{ id: 'Perangkat daerah tidak ditemukan', en: 'Agency not found' }],
    });
}

/**
 * Change a user's details, roles or state. One pass: the user is loaded once, inside the
 * transaction and locked, then authorized and checked, then changed with its audit row.
 */
export const userUpdate = defineAction({
  name: 'user_update',
  requires: 'user:update',
  sideEffectFree: false,
  input: UserUpdateSchema,
  // What needs no load; the loaded user is authorized again in run().
  authorize(ctx, input) {
    authorize(ctx.actor, 'user:update');
    if (input.roles) authorize(ctx.actor, 'user:assign_role');
  },
  async run(ctx, input) {
    return mutate(ctx, async (trx, audit) => {
      const user = await findUserForUpdate(trx, input.id);
      if (!user) throw new NotFoundError({ id: 'Pengguna tidak ditemukan', en: 'User not found' });
      authorize(ctx.actor, 'user:update', { agencyId: user.agency_id });
      await checkUserUpdate(ctx, trx, user, input);
      const changes = {
        ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.agencyId !== undefined ? { agency_id: input.agencyId } : {}),
        ...(input.state !== undefined ? { state: input.state } : {}),
        ...(input.unlock ? { failed_logins: 0, locked_until: null } : {}),
      };
      await updateUser(trx, user.id, changes);
      if (input.roles) await setRoles(trx, user.id, input.roles);
      if (input.state === 'disabled') await deleteUserSessions(trx, user.id);
      await audit({
        action: 'user_update',
        subjectType: 'user',
        subjectId: user.id,
        summary: {
          username: user.username,
          ...changes,
          ...(input.roles ? { roles: input.roles, previousRoles: user.roles } : {}),
        },
      });
      return { id: user.id };
    });
  },
});
