import type { Kysely } from 'kysely';
import { insertAuditEntry } from '../../kernel/actions/audit.repository.js';
import type { Config } from '../../kernel/config.js';
import type { DB } from '../../kernel/db/schema.js';
import type { Bilingual } from '../../kernel/errors.js';
import { verifyPassword } from './password.js';
import { findUser, recordLogin, recordLoginFailureAtomically } from './user.repository.js';

export type LoginResult = { ok: true; userId: string } | { ok: false; message: Bilingual };

/**
 * The one answer to every refused sign-in (unknown name, disabled, locked, wrong password), so
 * the answer never tells whether an account exists or is locked.
 */
const WRONG: Bilingual = {
  id: 'Nama pengguna atau kata sandi salah. Setelah beberapa kali gagal, akun dikunci sementara.',
  en: 'Wrong user name or password. After several failures the account is locked for a while.',
};

// A hash to verify against when the user does not exist, so timing does not reveal user names.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$PiIMxvTFcyh+hSPyvkM0Sw$3omcGqOHFJT3Z4LkHukUsXo3pqHdqxPQNy0daA63NWc';

/**
 * Check a user name and password with lockout: after `loginMaxFailures` wrong passwords in a
 * row the account is locked for `loginLockMinutes`, and even the right password is refused
 * until then (answered like any wrong password). Demo accounts are refused in production. Every outcome is audited.
 */
export async function attemptLogin(
  db: Kysely<DB>,
  config: Config,
  input: { username: string; password: string; ip: string | null; requestId: string | null },
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const user = await findUser(db, { username });
  const audit = (action: string, summary: Record<string, unknown> = {}) =>
    insertAuditEntry(db, {
      actor_id: user?.id ?? null,
      actor_name: user?.username ?? username.slice(0, 40),
      action,
      subject_type: 'user',
      subject_id: user?.id ?? null,
      summary: JSON.stringify(summary),
      request_id: input.requestId,
      ip: input.ip,
    });

  if (user?.state !== 'active') {
    await verifyPassword(DUMMY_HASH, input.password);
    await audit('user_login_failed', { reason: user ? 'disabled' : 'unknown_user' });
    return { ok: false, message: WRONG };
  }
  if (user.locked_until && user.locked_until > new Date()) {
    // Answered as a wrong password (same status, message and work), so a lock reveals nothing.
    await verifyPassword(DUMMY_HASH, input.password);
    await audit('user_login_refused', { reason: 'locked', lockedUntil: user.locked_until });
    return { ok: false, message: WRONG };
  }
  if (user.is_demo && config.isProduction) {
    await audit('user_login_refused', { reason: 'demo_account_in_production' });
    return {
      ok: false,
      message: {
        id: 'Akun demo tidak dapat dipakai di produksi',
        en: 'Demo accounts are refused in production',
      },
    };
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const state = await recordLoginFailureAtomically(
      db,
      user.id,
      config.loginMaxFailures,
      config.loginLockMinutes,
    );
    await audit(state.lockedUntil ? 'user_locked' : 'user_login_failed', {
      reason: 'wrong_password',
      failedLogins: state.failedLogins,
    });
    return { ok: false, message: WRONG };
  }
  await recordLogin(db, user.id, {
    actor_id: user.id,
    actor_name: user.username,
    action: 'user_login',
    subject_type: 'user',
    subject_id: user.id,
    summary: '{}',
    request_id: input.requestId,
    ip: input.ip,
  });
  return { ok: true, userId: user.id };
}
