import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { callAction, userWithToken } from '../../../test/support/catalog-fixtures.js';
import { cookieHeader, createTestApp, csrfFrom, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Issue 11, finding 12: lockouts that do not reveal accounts, and that cover password changes. */
for (const kind of DIALECTS) {
  describe(`account lockout on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
    });
    afterAll(() => t?.close());

    const attempt = async (username: string, password: string) => {
      const page = await t.app.inject({ url: '/login?lang=en' });
      return t.app.inject({
        method: 'POST',
        url: '/login?lang=en',
        headers: { ...FORM, cookie: cookieHeader(page) },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username, password }).toString(),
      });
    };
    /** The page without what differs per request (CSRF token, the name typed back). */
    const shape = (body: string, username: string) =>
      body.replace(/name="_csrf" value="[^"]+"/g, '').replaceAll(username, 'USER');

    it('answers a locked account exactly as an unknown user name: same status, same page', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      for (let i = 0; i < 3; i++)
        expect((await attempt(user.username, 'wrong-password-1')).statusCode).toBe(401);
      const locked = await attempt(user.username, TEST_PASSWORD);
      const unknown = await attempt('tidak-ada-sama-sekali', TEST_PASSWORD);
      expect(locked.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(shape(locked.body, user.username)).toBe(shape(unknown.body, 'tidak-ada-sama-sekali'));
      // The lock holds: the right password stays refused, and the refusal is audited.
      const row = await t.database.db
        .selectFrom('app_user')
        .select('locked_until')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.locked_until).not.toBeNull();
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', user.id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action).at(-1)).toBe('user_login_refused');
    });

    it('counts wrong current passwords of user_password_change and locks like login', async () => {
      const { token, actor, username } = await userWithToken(t.database, 'producer');
      const change = (currentPassword: string) =>
        callAction(t.app, 'user_password_change', {
          body: { currentPassword, newPassword: 'Kata-Sandi-Baru-2027' },
          token,
        });
      expect((await change('salah-1')).statusCode).toBe(409);
      expect((await change('salah-2')).statusCode).toBe(409);
      const third = await change('salah-3');
      expect(third.statusCode).toBe(429);
      expect(third.json().success).toBe(false);
      // Locked: even the right current password is refused, and login is refused too.
      const right = await change(TEST_PASSWORD);
      expect(right.statusCode).toBe(429);
      expect((await attempt(username, TEST_PASSWORD)).statusCode).toBe(401);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', actor.userId)
        .where('action', 'like', 'user_%')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'user_password_change_failed',
        'user_password_change_failed',
        'user_locked',
        'user_login_refused',
      ]);
      const user = await t.database.db
        .selectFrom('app_user')
        .select(['password_hash', 'locked_until'])
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      expect(user.locked_until).not.toBeNull();
    });

    it('a right current password clears the count of wrong ones', async () => {
      const { token, actor } = await userWithToken(t.database, 'producer');
      const change = (currentPassword: string, newPassword: string) =>
        callAction(t.app, 'user_password_change', { body: { currentPassword, newPassword }, token });
      expect((await change('salah-1', 'Kata-Sandi-Baru-2027')).statusCode).toBe(409);
      expect((await change('salah-2', 'Kata-Sandi-Baru-2027')).statusCode).toBe(409);
      expect((await change(TEST_PASSWORD, 'Kata-Sandi-Baru-2027')).statusCode).toBe(200);
      const row = await t.database.db
        .selectFrom('app_user')
        .select('failed_logins')
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      expect(row.failed_logins).toBe(0);
    });
  });
}
