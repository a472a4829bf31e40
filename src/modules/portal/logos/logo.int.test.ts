/**
 * Region and agency logos (issue #18 item 6): uploaded by an administrator, checked by their
 * bytes, kept in the file store, shown in the header and on the agency's page with alt text; a
 * refused upload changes nothing and keeps what was typed.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  hasBrowser,
  launchBrowser,
} from '../../../../test/e2e/support/browser.js';
import { buildUser, TEST_PASSWORD } from '../../../../test/factories/index.js';
import { createAgency, multipartBody } from '../../../../test/support/catalog-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import { portalLogoSave } from './logo-save.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const EVIL_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
);
const PLAIN_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5"/></svg>',
);

for (const kind of DIALECTS) {
  describe(`logos (${portalLogoSave.name}) on ${kind}`, () => {
    let t: TestApp;
    let adminCookie: string;
    let agency: Awaited<ReturnType<typeof createAgency>>;

    async function upload(
      cookie: string,
      fields: Record<string, string>,
      name: string,
      content: Buffer,
      type = 'image/png',
    ) {
      const page = await t.app.inject({ url: '/admin/portal/logo', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      const body = multipartBody(
        { _csrf: csrfFrom(page.body), ...fields },
        { field: 'file', name, type, content },
      );
      return t.app.inject({
        method: 'POST',
        url: '/admin/portal/logo',
        payload: body.payload,
        headers: { ...body.headers, cookie: cookieHeader(page, cookie) },
      });
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      agency = await createAgency(t.database, { name: 'Dinas Kesehatan Logo' });
      const admin = await buildUser(t.database, { roles: ['administrator'] });
      adminCookie = await login(t.app, admin.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    it('the portal curation page links to the logo page', async () => {
      const page = await t.app.inject({ url: '/admin/portal', headers: { cookie: adminCookie } });
      expect(page.body).toContain('href="/admin/portal/logo"');
    });

    it('the header shows the platform emblem until a region logo is uploaded, then the region logo, with alt text', async () => {
      const before = await t.app.inject({ url: '/logo/region' });
      expect(before.statusCode).toBe(302);
      expect(before.headers.location).toBe('/static/logo.svg');
      const res = await upload(
        adminCookie,
        { target: 'region', alt_id: 'Lambang Kabupaten Uji', alt_en: 'Emblem of Uji Regency' },
        'lambang.png',
        PNG,
      );
      expect(res.statusCode).toBe(303);
      const logo = await t.app.inject({ url: '/logo/region' });
      expect(logo.statusCode).toBe(200);
      expect(logo.headers['content-type']).toBe('image/png');
      expect(logo.rawPayload.equals(PNG)).toBe(true);
      const home = await t.app.inject({ url: '/dataset' });
      expect(home.body).toContain('<img src="/logo/region" alt="Lambang daerah" height="40"');
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'portal_logo_save')
        .execute();
      expect(audit.length).toBeGreaterThan(0);
    });

    it("an agency's logo shows on its public page with the alt text in the reader's language", async () => {
      const res = await upload(
        adminCookie,
        { target: agency.id, alt_id: 'Logo Dinas Kesehatan', alt_en: 'Health Office logo' },
        'dinkes.svg',
        PLAIN_SVG,
        'image/svg+xml',
      );
      expect(res.statusCode).toBe(303);
      const served = await t.app.inject({ url: `/logo/agency/${agency.code}` });
      expect(served.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(served.headers['content-security-policy']).toContain("default-src 'none'");
      const id = await t.app.inject({ url: `/organization/${agency.code}` });
      expect(id.body).toContain(
        `<img class="org-logo" src="/logo/agency/${agency.code}" alt="Logo Dinas Kesehatan"`,
      );
      const en = await t.app.inject({ url: `/organization/${agency.code}?lang=en` });
      expect(en.body).toContain('alt="Health Office logo"');
    });

    it('refuses an SVG with script: 400, the reason by the field label, the alt text kept, nothing changed', async () => {
      const other = await createAgency(t.database);
      const res = await upload(
        adminCookie,
        { target: other.id, alt_id: 'Teks yang diketik', alt_en: 'Typed text' },
        'logo.svg',
        EVIL_SVG,
        'image/svg+xml',
      );
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Berkas logo');
      expect(res.body).toContain('SVG logo memuat script');
      expect(res.body).toContain('value="Teks yang diketik"');
      const row = await t.database.db
        .selectFrom('agency')
        .select('logo')
        .where('id', '=', other.id)
        .executeTakeFirst();
      expect(row?.logo).toBeNull();
      expect((await t.app.inject({ url: `/logo/agency/${other.code}` })).statusCode).toBe(404);
    });

    it('refuses a logo without alt text, and a renamed text file', async () => {
      const noAlt = await upload(adminCookie, { target: 'region', alt_id: '', alt_en: '' }, 'a.png', PNG);
      expect(noAlt.statusCode).toBe(400);
      expect(noAlt.body).toContain('Teks alternatif (Indonesia)');
      const text = await upload(
        adminCookie,
        { target: 'region', alt_id: 'a', alt_en: 'a' },
        'a.png',
        Buffer.from('halo'),
      );
      expect(text.statusCode).toBe(400);
      expect(text.body).toContain('PNG, JPEG atau SVG');
    });

    it.runIf(hasBrowser && kind === 'pglite')(
      'the logo page and an agency page with its logo are axe-clean, desktop and phone',
      async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = t.app.server.address() as AddressInfo;
        const base = `http://127.0.0.1:${port}`;
        const browser = await launchBrowser();
        try {
          for (const viewport of [
            { width: 1280, height: 900 },
            { width: 390, height: 844 },
          ]) {
            const context = await browser.newContext({ viewport });
            await context.addCookies(
              adminCookie.split('; ').map((pair) => {
                const [name = '', ...rest] = pair.split('=');
                return { name, value: rest.join('='), url: base };
              }),
            );
            const page = await context.newPage();
            await page.goto(`${base}/admin/portal/logo`);
            expect(await page.locator('#region-form').count()).toBe(1);
            await expectNoSeriousA11yViolations(page);
            await page.goto(`${base}/organization/${agency.code}`);
            await expectNoSeriousA11yViolations(page);
            await context.close();
          }
        } finally {
          await browser.close();
        }
      },
      90_000,
    );

    it('a producer may not upload a logo, and may not open the page', async () => {
      const producer = await buildUser(t.database, { roles: ['producer'], agencyId: agency.id });
      const cookie = await login(t.app, producer.user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: '/admin/portal/logo', headers: { cookie } });
      expect(page.statusCode).toBe(403);
    });
  });
}
