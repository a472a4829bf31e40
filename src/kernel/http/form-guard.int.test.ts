import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * Issue 11, finding 12: form posts from another site are refused (Origin/Referer), and a
 * multipart form's CSRF token is its first field, never the URL (where logs would keep it).
 */
for (const kind of DIALECTS) {
  describe(`form posts: same origin, CSRF token out of the URL on ${kind}`, () => {
    let t: TestApp;
    let cookie = '';
    let userId = '';
    beforeAll(async () => {
      t = await createTestApp(kind, { SITE_URL: 'https://data.example.go.id' });
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: null });
      userId = user.id;
      cookie = await login(t.app, user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    const tokens = async () =>
      (await t.database.db.selectFrom('api_token').select('id').where('user_id', '=', userId).execute())
        .length;
    const createToken = async (headers: Record<string, string>, lang = 'id') => {
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      return t.app.inject({
        method: 'POST',
        url: `/account/tokens?lang=${lang}`,
        headers: { ...FORM, cookie, ...headers },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), name: 'uji' }).toString(),
      });
    };
    const files = async () => {
      const all = await readdir(path.join(t.config.dataDir, 'files'), {
        recursive: true,
        withFileTypes: true,
      }).catch(() => []);
      return all.filter((e) => e.isFile()).length;
    };

    it('refuses a form post whose Origin or Referer is another site, in both languages', async () => {
      const before = await tokens();
      const id = await createToken({ origin: 'https://evil.example' });
      expect(id.statusCode).toBe(403);
      expect(id.body).toContain('Formulir dikirim dari situs lain');
      const en = await createToken({ origin: 'https://evil.example' }, 'en');
      expect(en.statusCode).toBe(403);
      expect(en.body).toContain('A form sent from another site is refused');
      expect((await createToken({ origin: 'null' })).statusCode).toBe(403);
      expect((await createToken({ referer: 'https://evil.example/page' })).statusCode).toBe(403);
      expect((await createToken({ origin: 'https://data.example.go.id.evil.example' })).statusCode).toBe(403);
      expect(await tokens()).toBe(before);
    });

    it('serves pages with a referrer policy under which browsers send their real Origin', async () => {
      // With `no-referrer` Chromium posts same-site forms with `Origin: null`, which is refused
      // above: every login in a real browser failed that way once.
      const page = await t.app.inject({ url: '/login' });
      expect(page.headers['referrer-policy']).toBe('same-origin');
    });

    it('accepts a form post from the site itself (its site URL or the host it was reached at)', async () => {
      const before = await tokens();
      expect((await createToken({ origin: 'https://data.example.go.id' })).statusCode).toBe(200);
      expect((await createToken({ origin: 'http://localhost' })).statusCode).toBe(200);
      expect((await createToken({ referer: 'https://data.example.go.id/account' })).statusCode).toBe(200);
      expect((await createToken({})).statusCode).toBe(200);
      expect(await tokens()).toBe(before + 4);
    });

    it('puts the CSRF token of multipart forms in their first field, not in the URL', async () => {
      const { user } = await buildUser(t.database, { roles: ['producer'], agencyId: null });
      const producer = await login(t.app, user.username, TEST_PASSWORD);
      const tasks = await t.app.inject({ url: '/tugas', headers: { cookie: producer } });
      expect(tasks.statusCode).toBe(200);
      expect(tasks.body).not.toContain('_csrf=');
      const admin = await buildUser(t.database, { roles: ['administrator'] });
      const agencies = await t.app.inject({
        url: '/admin/agencies',
        headers: { cookie: await login(t.app, admin.user.username, TEST_PASSWORD) },
      });
      expect(agencies.body).toMatch(
        /enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf"/,
      );
      expect(agencies.body).not.toContain('_csrf=');
    });

    it('refuses a multipart post whose token is in the URL or after the file, storing nothing', async () => {
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      const csrf = csrfFrom(page.body);
      const boundary = '----formguard';
      const field = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const file = `--${boundary}\r\nContent-Disposition: form-data; name="upload"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na,b\n1,2\r\n`;
      const post = (url: string, payload: string) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: `${payload}--${boundary}--\r\n`,
        });
      const before = { files: await files(), tokens: await tokens() };
      const inUrl = await post(
        `/account/tokens?_csrf=${encodeURIComponent(csrf)}`,
        field('name', 'uji') + file,
      );
      expect(inUrl.statusCode).toBe(403);
      const afterFile = await post('/workspace/datasets/tidak-ada/resources', file + field('_csrf', csrf));
      expect(afterFile.statusCode).toBe(403);
      expect(await files()).toBe(before.files);
      expect(await tokens()).toBe(before.tokens);
    });
  });
}
