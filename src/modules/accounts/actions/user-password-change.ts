import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import { NotAuthorizedError, TooManyRequestsError, ValidationError } from '../../../kernel/errors.js';
import { lockoutSettings } from '../lockout.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../password.js';
import { deleteUserSessions } from '../session.repository.js';
import { findUserForUpdate, recordLoginFailure, updateUser } from '../user.repository.js';

export const UserPasswordChangeSchema = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string(),
  /** The session to keep signed in (hash); every other session of the user ends. */
  keepSessionHash: z.string().optional(),
});

/** A wrong current password: a field error, counted like a failed login before it is thrown. */
class WrongCurrentPassword extends ValidationError {
  constructor() {
    super({ currentPassword: [{ id: 'Kata sandi saat ini salah', en: 'Current password is wrong' }] });
  }
}

function lockedError(lockedUntil: Date): TooManyRequestsError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new TooManyRequestsError({
    id: `Terlalu banyak kata sandi salah: akun dikunci. Coba lagi dalam ${minutes} menit.`,
    en: `Too many wrong passwords: the account is locked. Try again in ${minutes} minutes.`,
  });
}

/**
 * Change the acting user's own password and end their other sessions. One pass: the account is
 * loaded once, inside the transaction and locked, so the password checked is the one replaced.
 * A wrong current password counts as a failed login (a stolen token or session must not allow
 * unlimited guesses): at the login limit the account is locked, for sign-in and for this action.
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
    try {
      return await mutate(ctx, async (trx, audit) => {
        const user = await findUserForUpdate(trx, userId);
        if (!user) throw new NotAuthorizedError('account:update_own');
        if (user.locked_until && user.locked_until > new Date()) throw lockedError(user.locked_until);
        if (!(await verifyPassword(user.password_hash, input.currentPassword)))
          throw new WrongCurrentPassword();
        const weak = checkPasswordStrength(input.newPassword);
        if (weak) throw new ValidationError({ newPassword: [weak] });
        const passwordHash = await hashPassword(input.newPassword);
        await updateUser(trx, user.id, {
          password_hash: passwordHash,
          password_changed_at: new Date(),
          failed_logins: 0,
          locked_until: null,
        });
        await deleteUserSessions(trx, user.id, input.keepSessionHash);
        await audit({ action: 'user_password_change', subjectType: 'user', subjectId: user.id, summary: {} });
        return { id: user.id };
      });
    } catch (err) {
      if (err instanceof WrongCurrentPassword) await countFailure(ctx, userId);
      throw err;
    }
  },
});

/** Count the wrong password (the change itself rolled back); 429 once it locks the account. */
async function countFailure(ctx: ActionContext, userId: string): Promise<void> {
  const { maxFailures, lockMinutes } = lockoutSettings();
  const state = await mutate(ctx, async (trx, audit) => {
    const s = await recordLoginFailure(trx, userId, maxFailures, lockMinutes);
    await audit({
      action: s.lockedUntil ? 'user_locked' : 'user_password_change_failed',
      subjectType: 'user',
      subjectId: userId,
      summary: { reason: 'wrong_current_password', failedLogins: s.failedLogins },
    });
    return s;
  });
  if (state.lockedUntil) throw lockedError(state.lockedUntil);
}
