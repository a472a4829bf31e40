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

const NAME = 'Wulandari Pemohonunik';
const EMAIL = 'wulandari.pemohonunik@contoh.test';
const PHONE = '0819-7777-1234';

for (const kind of DIALECTS) {
  describe(`data request pages on ${kind}`, () => {
    let t: TestApp;
    let staffCookie = '';
    let producerB = '';
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
      staffCookie = await login(t.app, staff.user.username, TEST_PASSWORD);
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
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...form }).toString(),
      });
    }
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
      expect(page.body).toContain('Sub Koordinator Statistik');
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
      expect((await t.app.inject({ url: `/permintaan-data/${code}` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: '/api/3/action/data_request_list' })).statusCode).toBe(403);
      expect(
        (await t.app.inject({ url: `/api/3/action/data_request_show?id=${requestId}` })).statusCode,
      ).toBe(403);
    });
  });
}
