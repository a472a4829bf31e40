import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const kind of DIALECTS) {
  describe(`accounts and sessions on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
    });
    afterAll(() => t?.close());

    const countTokens = async (userId: string) =>
      (await t.database.db.selectFrom('api_token').select('id').where('user_id', '=', userId).execute())
        .length;

    it('refuses a form post without a CSRF token and changes nothing', async () => {
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: null });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const res = await t.app.inject({
        method: 'POST',
        url: '/account/tokens',
        headers: { ...FORM, cookie },
        payload: 'name=no-csrf',
      });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('CSRF');
      expect(await countTokens(user.id)).toBe(0);
    });

    it('refuses a form post with a forged CSRF token', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const res = await t.app.inject({
        method: 'POST',
        url: '/account/tokens',
        headers: { ...FORM, cookie },
        payload: 'name=x&_csrf=forged-token',
      });
      expect(res.statusCode).toBe(403);
      expect(await countTokens(user.id)).toBe(0);
    });

    it('refuses the login form itself without a CSRF token', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const res = await t.app.inject({
        method: 'POST',
        url: '/login',
        headers: FORM,
        payload: `username=${user.username}&password=${TEST_PASSWORD}`,
      });
      expect(res.statusCode).toBe(403);
    });

    it('locks an account after repeated failures, refusing even the right password', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const page = await t.app.inject({ url: '/login' });
      const cookie = cookieHeader(page);
      const attempt = (password: string) =>
        t.app.inject({
          method: 'POST',
          url: '/login',
          headers: { ...FORM, cookie },
          payload: new URLSearchParams({
            _csrf: csrfFrom(page.body),
            username: user.username,
            password,
          }).toString(),
        });
      for (let i = 0; i < 3; i++) expect((await attempt('wrong-password-1')).statusCode).toBe(401);
      const locked = await attempt(TEST_PASSWORD);
      // Locked, but answered like any wrong password (issue 11: a 429 revealed the account).
      expect(locked.statusCode).toBe(401);
      expect(locked.body).toContain('Nama pengguna atau kata sandi salah');
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
      expect(audit.map((a) => a.action)).toEqual([
        'user_login_failed',
        'user_login_failed',
        'user_locked',
        'user_login_refused',
      ]);
    });

    it('does not reveal whether a user name exists', async () => {
      const page = await t.app.inject({ url: '/login' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/login',
        headers: { ...FORM, cookie: cookieHeader(page) },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          username: 'tidak-ada',
          password: 'x',
        }).toString(),
      });
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('Nama pengguna atau kata sandi salah');
    });

    it('refuses demo accounts in production', async () => {
      const prod = await createTestApp(kind, { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(40) });
      try {
        const { user } = await buildUser(prod.database, { roles: ['custodian'], isDemo: true });
        await expect(login(prod.app, user.username, TEST_PASSWORD)).rejects.toThrow(/login failed: 401/);
      } finally {
        await prod.close();
      }
    });

    it('names demo accounts on the login page only of a demo site, never pointing to a README', async () => {
      const hint = /Situs demo/;
      expect((await t.app.inject({ url: '/login' })).body).not.toMatch(hint);
      const { user } = await buildUser(t.database, { roles: ['custodian'], isDemo: true });
      const page = (await t.app.inject({ url: '/login' })).body;
      expect(page).toMatch(hint);
      expect(page).toContain(user.username);
      expect(page).not.toContain('README');
      const prod = await createTestApp(kind, { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(40) });
      try {
        await buildUser(prod.database, { roles: ['custodian'], isDemo: true });
        expect((await prod.app.inject({ url: '/login' })).body).not.toMatch(hint);
      } finally {
        await prod.close();
      }
    });

    it('shows a person what a refusal means, not the permission it names', async () => {
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: null });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const res = await t.app.inject({ url: '/admin/users', headers: { cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Anda tidak memiliki izin untuk tindakan ini.');
      expect(res.body).not.toMatch(/Akses ditolak: [a-z_]+:/);
    });

    it('ends the session on logout', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const ws = await t.app.inject({ url: '/workspace', headers: { cookie } });
      expect(ws.statusCode).toBe(200);
      await t.app.inject({
        method: 'POST',
        url: '/logout',
        headers: { ...FORM, cookie },
        payload: `_csrf=${encodeURIComponent(csrfFrom(ws.body))}`,
      });
      const after = await t.app.inject({ url: '/workspace', headers: { cookie } });
      expect(after.statusCode).toBe(302);
      expect(after.headers.location).toContain('/login');
    });

    it('changes the password (user_password_change), ending other sessions but keeping this one', async () => {
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: null });
      const other = await login(t.app, user.username, TEST_PASSWORD);
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      const res = await t.app.inject({
        method: 'POST',
        url: '/account/password',
        headers: { ...FORM, cookie },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          currentPassword: TEST_PASSWORD,
          newPassword: 'Kata-Sandi-Baru-2027',
        }).toString(),
      });
      expect(res.statusCode).toBe(303);
      expect((await t.app.inject({ url: '/account', headers: { cookie } })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/account', headers: { cookie: other } })).statusCode).toBe(302);
      await expect(login(t.app, user.username, TEST_PASSWORD)).rejects.toThrow();
      expect(await login(t.app, user.username, 'Kata-Sandi-Baru-2027')).toContain('sd_session');
    });

    it('refuses a weak new password with a bilingual field error', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      const res = await t.app.inject({
        method: 'POST',
        url: '/account/password?lang=en',
        headers: { ...FORM, cookie },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          currentPassword: TEST_PASSWORD,
          newPassword: 'short',
        }).toString(),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Password needs at least 10 characters');
    });

    it('sets secure headers and HttpOnly session cookies', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const page = await t.app.inject({ url: '/login' });
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const res = await t.app.inject({
        method: 'POST',
        url: '/login',
        headers: { ...FORM, cookie: cookieHeader(page) },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          username: user.username,
          password: TEST_PASSWORD,
        }).toString(),
      });
      const session = res.cookies.find((c) => c.name === 'sd_session');
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Lax');
      const stored = await t.database.db
        .selectFrom('session')
        .select('id_hash')
        .where('user_id', '=', user.id)
        .execute();
      expect(stored.map((s) => s.id_hash)).not.toContain(session?.value);
    });
  });
}
