import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { createTestApp, csrfFrom, login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The dataset form's work panel: links to the SDI work, the score, and the classification form. */
for (const kind of DIALECTS) {
  describe(`dataset work panel on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    let otherProducer: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await buildAgency(t.database, { code: 'dinsos-uji' });
      const other = await buildAgency(t.database, { code: 'bappeda-uji' });
      const p = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      const o = await buildUser(t.database, { roles: ['producer'], agencyId: other.id });
      producer = await login(t.app, p.user.username, TEST_PASSWORD);
      otherProducer = await login(t.app, o.user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/workspace/datasets/new', headers: { cookie: producer } });
      const body = new URLSearchParams({
        _csrf: csrfFrom(page.body),
        name: 'penerima-bansos-uji',
        title: 'Penerima Bantuan Sosial',
        owner_org: 'dinsos-uji',
        license_id: 'CC-BY-4.0',
        state: 'active',
      });
      const res = await t.app.inject({
        method: 'POST',
        url: '/workspace/datasets/new',
        headers: { ...FORM, cookie: producer },
        payload: body.toString(),
      });
      expect(res.statusCode).toBe(303);
    });
    afterAll(() => t?.close());

    const editUrl = '/workspace/datasets/penerima-bansos-uji/edit';

    it('links the metadata, the worksheet and the submission, and shows the SDI score', async () => {
      const res = await t.app.inject({ url: editUrl, headers: { cookie: producer } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('href="/workspace/datasets/penerima-bansos-uji/metadata"');
      expect(res.body).toContain('href="/workspace/worksheet?dataset=penerima-bansos-uji"');
      expect(res.body).toContain('href="/workspace/datasets/penerima-bansos-uji/submit"');
      expect(res.body).toMatch(/Skor kesesuaian: \d+ dari 100/);
    });

    it('sets the classification through the form, and names the agencies for restricted data', async () => {
      const page = await t.app.inject({ url: editUrl, headers: { cookie: producer } });
      const res = await t.app.inject({
        method: 'POST',
        url: '/workspace/datasets/penerima-bansos-uji/classification',
        headers: { ...FORM, cookie: producer },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          classification: 'restricted',
          shared_with: 'bappeda-uji',
        }).toString(),
      });
      expect(res.statusCode).toBe(303);
      const row = await t.database.db
        .selectFrom('dataset')
        .select('classification')
        .where('name', '=', 'penerima-bansos-uji')
        .executeTakeFirstOrThrow();
      expect(row.classification).toBe('restricted');
      const after = await t.app.inject({ url: editUrl, headers: { cookie: producer } });
      expect(after.body).toMatch(/value="restricted"[^>]*checked/);
      expect(after.body).toContain('value="bappeda-uji"');
    });

    it('refuses another agency’s producer', async () => {
      const page = await t.app.inject({ url: '/workspace', headers: { cookie: otherProducer } });
      const res = await t.app.inject({
        method: 'POST',
        url: '/workspace/datasets/penerima-bansos-uji/classification',
        headers: { ...FORM, cookie: otherProducer },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), classification: 'closed' }).toString(),
      });
      expect([403, 404]).toContain(res.statusCode);
    });
  });
}
