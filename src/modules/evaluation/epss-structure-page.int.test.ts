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
import { loadStructure } from './epss.repository.js';

/** The administrator's EPSS structure form (epss_structure_update behind it). */
for (const kind of DIALECTS) {
  describe(`/evaluasi/epss/struktur on ${kind}`, () => {
    let t: TestApp;
    let admin: string;
    let custodian: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const a = await buildUser(t.database, { roles: ['administrator'] });
      const c = await buildUser(t.database, { roles: ['custodian'] });
      admin = await login(t.app, a.user.username, TEST_PASSWORD);
      custodian = await login(t.app, c.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    const post = async (fields: Record<string, string>) => {
      const page = await t.app.inject({
        method: 'GET',
        url: '/evaluasi/epss/struktur',
        headers: { cookie: admin },
      });
      return t.app.inject({
        method: 'POST',
        url: '/evaluasi/epss/struktur',
        headers: { cookie: cookieHeader(page, admin), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
      });
    };

    it('shows every domain, aspect and indicator with its names and weight; others may not open it', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/evaluasi/epss/struktur',
        headers: { cookie: admin },
      });
      expect(res.statusCode).toBe(200);
      expect(res.body.match(/<tr id="s-/g)).toHaveLength(5 + 19 + 38);
      expect(res.body).toContain('name="w-domain-4" type="number"');
      expect(res.body).toMatch(/name="w-indicator-20101"[^>]*value="60"/);
      const refused = await t.app.inject({
        method: 'GET',
        url: '/evaluasi/epss/struktur',
        headers: { cookie: custodian },
      });
      expect(refused.statusCode).toBe(403);
    });

    it("the administrator reaches it from the back-office home; the custodian's home has no link", async () => {
      const home = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: admin } });
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('href="/evaluasi/epss/struktur"');
      expect(home.body).toContain('Struktur EPSS');
      const other = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: custodian } });
      expect(other.body).not.toContain('/evaluasi/epss/struktur');
    });

    it('saves what changed; a sum that is not 100 is refused with the typed values kept', async () => {
      const bad = await post({ 'w-domain-1': '30' });
      expect(bad.statusCode).toBe(409);
      expect(bad.body).toContain('berjumlah 100');
      expect(bad.body).toMatch(/name="w-domain-1"[^>]*value="30"/);
      expect((await loadStructure(t.database.db))[0]?.weight).toBe(28);

      const ok = await post({ 'w-domain-1': '30', 'w-domain-5': '10', 'n-aspect-202': 'Akurasi Data' });
      expect(ok.statusCode).toBe(303);
      const s = await loadStructure(t.database.db);
      expect(s.map((d) => d.weight)).toEqual([30, 24, 19, 17, 10]);
      expect(s[1]?.aspects[1]?.name.id).toBe('Akurasi Data');
    });
  });
}
