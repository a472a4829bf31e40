import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

for (const kind of DIALECTS) {
  describe(`API tokens on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

    /** Create a token through the account page (api_token_create) and return it. */
    async function createToken(cookie: string, name: string): Promise<string> {
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      const res = await t.app.inject({
        method: 'POST',
        url: '/account/tokens',
        headers: { ...FORM, cookie },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), name }).toString(),
      });
      expect(res.statusCode).toBe(200);
      const token = res.body.match(/<code class="token">([^<]+)<\/code>/)?.[1];
      if (!token) throw new Error('token not shown');
      return token;
    }

    const userShow = (token: string) =>
      t.app.inject({ url: '/api/3/action/user_show', headers: { authorization: token } });

    it('accepts a token in the Authorization header, CKAN style, and stores only its hash', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const token = await createToken(cookie, 'harvester');
      expect(token).toMatch(/^sdt_/);
      const res = await userShow(token);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ success: true, result: { name: user.username } });
      const bearer = await t.app.inject({
        url: '/api/3/action/user_show',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(bearer.statusCode).toBe(200);
      const rows = await t.database.db
        .selectFrom('api_token')
        .selectAll()
        .where('user_id', '=', user.id)
        .execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows[0]?.last_used_at).not.toBeNull();
    });

    it('refuses a revoked token', async () => {
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: null });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const token = await createToken(cookie, 'to-revoke');
      expect((await userShow(token)).statusCode).toBe(200);
      const row = await t.database.db
        .selectFrom('api_token')
        .select('id')
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      const revoke = await t.app.inject({
        method: 'POST',
        url: `/account/tokens/${row.id}/revoke`,
        headers: { ...FORM, cookie },
        payload: `_csrf=${encodeURIComponent(csrfFrom(page.body))}`,
      });
      expect(revoke.statusCode).toBe(303);
      const res = await userShow(token);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', row.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['api_token_create', 'api_token_revoke']);
    });

    it("cannot revoke another user's token", async () => {
      const a = await buildUser(t.database, { roles: ['custodian'] });
      const b = await buildUser(t.database, { roles: ['custodian'] });
      const tokenA = await createToken(await login(t.app, a.user.username, TEST_PASSWORD), 'mine');
      const rowA = await t.database.db
        .selectFrom('api_token')
        .select('id')
        .where('user_id', '=', a.user.id)
        .executeTakeFirstOrThrow();
      const cookieB = await login(t.app, b.user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/account', headers: { cookie: cookieB } });
      const res = await t.app.inject({
        method: 'POST',
        url: `/account/tokens/${rowA.id}/revoke`,
        headers: { ...FORM, cookie: cookieB },
        payload: `_csrf=${encodeURIComponent(csrfFrom(page.body))}`,
      });
      expect(res.statusCode).toBe(404);
      expect((await userShow(tokenA)).statusCode).toBe(200);
    });

    it('refuses an unknown token instead of treating the call as anonymous', async () => {
      const res = await t.app.inject({
        url: '/api/3/action/status_show',
        headers: { authorization: 'sdt_not-a-token' },
      });
      expect(res.statusCode).toBe(403);
    });

    it('ignores the session cookie on the API (no CSRF through the API)', async () => {
      const { user } = await buildUser(t.database, { roles: ['administrator'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const res = await t.app.inject({ url: '/api/3/action/user_show', headers: { cookie } });
      expect(res.statusCode).toBe(404);
    });

    it('answers status_show anonymously with the CKAN envelope', async () => {
      const res = await t.app.inject({ url: '/api/3/action/status_show' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.success).toBe(true);
      expect(body.help).toContain('help_show?name=status_show');
      expect(body.result.site_title).toContain('Kabupaten Magetan');
      expect((await t.app.inject({ url: '/api/action/status_show' })).statusCode).toBe(200);
    });

    it('answers an unknown action with 400 and a JSON string, as CKAN does', async () => {
      const res = await t.app.inject({ url: '/api/3/action/no_such_action' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toBe('Bad request - Action name not known: no_such_action');
    });

    it('creates users over the API only for administrators (user_create)', async () => {
      const admin = await buildUser(t.database, { roles: ['administrator'] });
      const producer = await buildUser(t.database, { roles: ['custodian'] });
      const adminToken = await createToken(await login(t.app, admin.user.username, TEST_PASSWORD), 'admin');
      const otherToken = await createToken(
        await login(t.app, producer.user.username, TEST_PASSWORD),
        'other',
      );
      const payload = {
        username: 'api.created',
        fullName: 'Dibuat API',
        password: 'Sandi-Aman-2026',
        roles: ['supervisor'],
      };
      const denied = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/user_create',
        headers: { authorization: otherToken },
        payload,
      });
      expect(denied.statusCode).toBe(403);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/user_create',
        headers: { authorization: adminToken },
        payload,
      });
      expect(ok.statusCode).toBe(200);
      const invalid = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/user_create',
        headers: { authorization: adminToken },
        payload: { ...payload, username: 'X', password: 'short' },
      });
      expect(invalid.statusCode).toBe(409);
      expect(invalid.json().error.__type).toBe('Validation Error');
      expect(invalid.json().error.username).toBeDefined();
    });
  });
}

describe('access is checked before input', () => {
  for (const kind of DIALECTS) {
    it(`answers 403, not a validation report, to a caller without any right (${kind})`, async () => {
      const t = await createTestApp(kind);
      try {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/3/action/package_create',
          payload: { name: 'X!' },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.__type).toBe('Authorization Error');
      } finally {
        await t.close();
      }
    });
  }
});
