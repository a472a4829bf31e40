import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { NotAuthorizedError, ValidationError } from '../../../kernel/errors.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../password.js';
import { deleteUserSessions } from '../session.repository.js';
import { findUserForUpdate, updateUser } from '../user.repository.js';

export const UserPasswordChangeSchema = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string(),
  /** The session to keep signed in (hash); every other session of the user ends. */
  keepSessionHash: z.string().optional(),
});

/**
 * Change the acting user's own password and end their other sessions. One pass: the account is
 * loaded once, inside the transaction and locked, so the password checked is the one replaced.
 */
export const userPasswordChange = defineAction({
  name: 'user_password_change',
  sideEffectFree: false,
  input: UserPasswordChangeSchema,
  // The subject is the actor's own account: loaded and checked in run().
  authorize: (ctx) => authorize(ctx.actor, 'account:update_own'),
  async run(ctx, input) {
    const userId = ctx.actor.userId;
    if (!userId) throw new NotAuthorizedError('account:update_own');
    return mutate(ctx, async (trx, audit) => {
      const user = await findUserForUpdate(trx, userId);
      if (!user) throw new NotAuthorizedError('account:update_own');
      if (!(await verifyPassword(user.password_hash, input.currentPassword)))
        throw new ValidationError({
          currentPassword: [{ id: 'Kata sandi saat ini salah', en: 'Current password is wrong' }],
        });
      const weak = checkPasswordStrength(input.newPassword);
      if (weak) throw new ValidationError({ newPassword: [weak] });
      const passwordHash = await hashPassword(input.newPassword);
      await updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: new Date() });
      await deleteUserSessions(trx, user.id, input.keepSessionHash);
      await audit({ action: 'user_password_change', subjectType: 'user', subjectId: user.id, summary: {} });
      return { id: user.id };
    });
  },
});
