import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../factories/index.js';
import { createTestApp, login, type TestApp } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

for (const kind of DIALECTS) {
  describe(`portal on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t?.close());

    it('serves the home page with the region name', async () => {
      const res = await t.app.inject({ url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Kabupaten Magetan');
    });

    it('logs a user in and shows the workspace', async () => {
      const { user } = await buildUser(t.database, { roles: ['custodian'] });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const res = await t.app.inject({ url: '/workspace', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Walidata');
      for (const href of ['/tugas', '/workspace/submissions', '/workspace/standards', '/workspace/worksheet'])
        expect(res.body).toContain(`href="${href}"`);
    });
  });
}
