/**
 * Issue #14 over HTTP on both engines: the public form (a refused form keeps what was typed; the
 * honeypot is refused), the confirmation link taken from the mail outbox, the status page by
 * tracking code and secret, the staff pages by role — and nothing personal on any public page
 * or API: portal pages, search, sitemap, feeds, the CKAN API, or a status link without its secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { setServiceClock } from './clock.js';
import { MAX_AGE_MS, MIN_FILL_MS } from './form-token.js';

const NAME = 'Wulandari Pemohonunik';
const EMAIL = 'wulandari.pemohonunik@contoh.test';
const PHONE = '0819-7777-1234';

for (const kind of DIALECTS) {
  describe(`data request pages on ${kind}`, () => {
    let t: TestApp;
    let staffCookie = '';
    let producerB = '';
    let adminCookie = '';
    let code = '';
    let secret = '';
    let requestId = '';

    beforeAll(async () => {
      t = await createTestApp(kind);
      const a = await buildAgency(t.database);
      const other = await buildAgency(t.database);
      const staff = await buildUser(t.database, { roles: ['custodian'] });
      const pb = await buildUser(t.database, { roles: ['producer'], agencyId: other.id });
      await buildUser(t.database, { roles: ['producer'], agencyId: a.id });
      const admin = await buildUser(t.database, { roles: ['administrator'] });
      staffCookie = await login(t.app, staff.user.username, TEST_PASSWORD);
      adminCookie = await login(t.app, admin.user.username, TEST_PASSWORD);
      producerB = await login(t.app, pb.user.username, TEST_PASSWORD);
    });
    afterAll(() => t?.close());

    async function formPost(
      url: string,
      form: Record<string, string>,
      cookieFrom = '/permintaan-data',
      cookie = '',
    ) {
      const page = await t.app.inject({ url: cookieFrom, headers: cookie ? { cookie } : {} });
      const jar = cookieHeader(page, cookie);
      const token = tokenFrom(page.body);
      // A person takes a while to fill the form in: the post comes after the form token's minimum age.
      setServiceClock(new Date(Date.now() + fillMs));
      try {
        return await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({
            _csrf: csrfFrom(page.body),
            ...(token ? { form_token: token } : {}),
            ...form,
          }).toString(),
        });
      } finally {
        setServiceClock(null);
      }
    }
    let fillMs = MIN_FILL_MS + 1_000;
    const tokenFrom = (html: string) => /name="form_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const FORM = {
      name: NAME,
      email: EMAIL,
      phone: PHONE,
      organisation: 'Universitas Contoh',
      asked: 'Jumlah nelayan per kecamatan 2020–2025',
      purpose: 'Kajian perikanan',
      delivery: 'file',
      website: '',
    };

    it('the form refuses a filled honeypot and keeps what was typed', async () => {
      const res = await formPost('/permintaan-data', { ...FORM, website: 'http://bot.example' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Jumlah nelayan per kecamatan');
      expect(await t.database.db.selectFrom('data_request').select('id').execute()).toHaveLength(0);
    });

    it('files a request, confirms it by the link from the outbox and shows its status page', async () => {
      const res = await formPost('/permintaan-data', FORM);
      expect(res.statusCode).toBe(303);
      code = /kode=(PD-[0-9A-Z]+)/.exec(res.headers.location ?? '')?.[1] ?? '';
      expect(code).not.toBe('');
      const mail = await t.database.db
        .selectFrom('mail_outbox')
        .select('body')
        .where('to_address', '=', EMAIL)
        .executeTakeFirstOrThrow();
      const link = /https?:\/\/\S+\/permintaan-data\/(PD-[0-9A-Z]+)\?s=([\w-]+)/.exec(mail.body);
      expect(link?.[1]).toBe(code);
      secret = link?.[2] ?? '';
      const before = await t.app.inject({ url: `/permintaan-data/${code}?s=${secret}` });
      expect(before.body).toContain('Konfirmasi');
      const confirm = await formPost(
        `/permintaan-data/${code}/konfirmasi`,
        { s: secret },
        `/permintaan-data/${code}?s=${secret}`,
      );
      expect(confirm.statusCode).toBe(303);
      const page = await t.app.inject({ url: `/permintaan-data/${code}?s=${secret}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Batas waktu jawaban');
      expect(page.body).toContain('10 hari kerja');
      // The demo region runs the national default data request SOP (issue #17 item 10).
      expect(page.body).toContain('Koordinator Walidata');
      expect(page.body).not.toContain(NAME);
      expect(page.body).not.toContain(EMAIL);
    });

    it('shows the request to the custodian with the requester, and hides it from another agency’s producer', async () => {
      const list = await t.app.inject({ url: '/kerja/permintaan-data', headers: { cookie: staffCookie } });
      expect(list.statusCode).toBe(200);
      requestId = /\/kerja\/permintaan-data\/([0-9a-f-]{36})/.exec(list.body)?.[1] ?? '';
      const page = await t.app.inject({
        url: `/kerja/permintaan-data/${requestId}`,
        headers: { cookie: staffCookie },
      });
      expect(page.body).toContain(NAME);
      expect(page.body).toContain('form-assign');
      const other = await t.app.inject({
        url: `/kerja/permintaan-data/${requestId}`,
        headers: { cookie: producerB },
      });
      expect(other.statusCode).toBe(404);
      const otherList = await t.app.inject({ url: '/kerja/permintaan-data', headers: { cookie: producerB } });
      expect(otherList.body).not.toContain(code);
    });

    it('the form carries a signed token: a post too soon, forged, missing or stale is refused, keeping what was typed', async () => {
      const count = async () =>
        (await t.database.db.selectFrom('data_request').select('id').execute()).length;
      const before = await count();
      const other = { ...FORM, email: 'cepat@contoh.test', asked: 'Jumlah koperasi aktif per kecamatan' };
      fillMs = 0;
      const tooSoon = await formPost('/permintaan-data', other);
      expect(tooSoon.statusCode).toBe(400);
      expect(tooSoon.body).toContain('terlalu cepat');
      expect(tooSoon.body).toContain('Jumlah koperasi aktif per kecamatan');
      // The refused form carries a fresh token, so sending it again later works.
      expect(tokenFrom(tooSoon.body)).not.toBe('');
      fillMs = MAX_AGE_MS + 60_000;
      const stale = await formPost('/permintaan-data', other);
      expect(stale.statusCode).toBe(400);
      expect(stale.body).toContain('terlalu lama');
      fillMs = MIN_FILL_MS + 1_000;
      for (const form_token of ['', 'abc.def', `${Date.now().toString(36)}.forgedsignature`]) {
        const res = await formPost('/permintaan-data', { ...other, form_token });
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('tidak dikenali');
      }
      expect(await count()).toBe(before);
      // The form works without JavaScript: the token is a hidden field of the server's page.
      const page = await t.app.inject({ url: '/permintaan-data' });
      expect(page.body).toMatch(/<input type="hidden" name="form_token" value="[0-9a-z]+\.[\w-]+"/);
      expect(page.body).not.toContain('<script');
    });

    it('the public list is off by default; an administrator turns it on; producers may not', async () => {
      expect((await t.app.inject({ url: '/permintaan-data/daftar' })).statusCode).toBe(404);
      expect((await t.app.inject({ url: '/permintaan-data' })).body).not.toContain('/permintaan-data/daftar');
      const denied = await t.app.inject({ url: '/admin/permintaan-data', headers: { cookie: producerB } });
      expect(denied.statusCode).toBe(403);
      const bad = await formPost(
        '/admin/permintaan-data',
        { retention_days: '5', public_list: 'on' },
        '/admin/permintaan-data',
        adminCookie,
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Paling sedikit 30 hari');
      const saved = await formPost(
        '/admin/permintaan-data',
        { retention_days: '365', public_list: 'on' },
        '/admin/permintaan-data',
        adminCookie,
      );
      expect(saved.statusCode).toBe(303);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('summary')
        .where('action', '=', 'data_request_settings_update')
        .executeTakeFirstOrThrow();
      expect(audit.summary).toMatchObject({
        retention_days: { before: 730, after: 365 },
        public_list: { before: false, after: true },
      });
      const admin = await t.app.inject({ url: '/admin', headers: { cookie: adminCookie } });
      expect(admin.body).toContain('href="/admin/permintaan-data"');
      expect((await t.app.inject({ url: '/permintaan-data' })).body).toContain('/permintaan-data/daftar');

      // A requester who writes their own name and contacts into the request: the list shows none of it.
      const res = await formPost('/permintaan-data', {
        ...FORM,
        email: 'wulan.kedua@contoh.test',
        asked: `Saya ${NAME} (${EMAIL}, ${PHONE}, NIK 3510123456780001) dari Universitas Contoh minta data jumlah nelayan per desa`,
      });
      expect(res.statusCode).toBe(303);
      const second = /kode=(PD-[0-9A-Z]+)/.exec(res.headers.location ?? '')?.[1] ?? '';
      const mail = await t.database.db
        .selectFrom('mail_outbox')
        .select('body')
        .where('to_address', '=', 'wulan.kedua@contoh.test')
        .executeTakeFirstOrThrow();
      const s2 = /\?s=([\w-]+)/.exec(mail.body)?.[1] ?? '';
      await formPost(
        `/permintaan-data/${second}/konfirmasi`,
        { s: s2 },
        `/permintaan-data/${second}?s=${s2}`,
      );
      const list = await t.app.inject({ url: '/permintaan-data/daftar' });
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('public-request-list');
      expect(list.body).toContain('minta data jumlah nelayan per desa');
      expect(list.body).toContain('Jumlah nelayan per kecamatan');
      expect(list.body).not.toContain(second);
      expect(list.body).not.toContain('3510123456780001');
    });

    it('the portal header links the form; the workspace links the staff list', async () => {
      const home = await t.app.inject({ url: '/' });
      expect(home.body).toContain('id="nav-request-data"');
      expect(home.body).toContain('href="/permintaan-data"');
      expect(home.body).toContain('href="/permintaan-data/statistik"');
      const work = await t.app.inject({ url: '/workspace', headers: { cookie: staffCookie } });
      expect(work.body).toContain('href="/kerja/permintaan-data"');
    });

    it('puts nothing personal on any public page or API', async () => {
      const urls = [
        '/',
        '/dataset',
        // Searches for words of the request (a search echoes its query, so not the name itself).
        '/dataset?q=nelayan',
        '/dataset?q=kajian',
        '/sitemap.xml',
        '/feeds/dataset.atom',
        `/feeds/custom.atom?q=${encodeURIComponent('nelayan')}`,
        '/api/3/action/package_search?q=nelayan',
        '/api/3/action/package_list',
        '/api/3/action/organization_list?all_fields=true',
        '/permintaan-data',
        '/permintaan-data/statistik',
        '/permintaan-data/daftar',
        `/permintaan-data?q=${encodeURIComponent('nelayan')}`,
        `/permintaan-data/${code}`,
        `/permintaan-data/${code}?s=wrong-secret-000000000000`,
        `/permintaan-data/${code}?s=${secret}`,
        '/api/3/action/data_request_list',
        `/api/3/action/data_request_show?code=${code}&secret=wrong`,
        `/api/3/action/data_request_show?code=${code}&secret=${secret}`,
        `/api/3/action/data_request_show?id=${requestId}`,
      ];
      for (const url of urls) {
        const res = await t.app.inject({ url });
        for (const personal of [NAME, 'Pemohonunik', EMAIL, PHONE, 'Universitas Contoh'])
          expect(res.body.includes(personal), `${url} shows ${personal}`).toBe(false);
      }
      const stats = await t.app.inject({ url: '/permintaan-data/statistik' });
      expect(stats.statusCode).toBe(200);
      expect(stats.body).toContain('stats-summary');
      expect((await t.app.inject({ url: `/permintaan-data/${code}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: '/api/3/action/data_request_list' })).statusCode).toBe(403);
      expect(
        (await t.app.inject({ url: `/api/3/action/data_request_show?id=${requestId}` })).statusCode,
      ).toBe(403);
    });
  });
}
