import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  BULK,
  cards,
  DRAFT_NAME,
  getPage,
  type PortalCatalog,
  PRIVATE_NAME,
  PUBLIC_NAME,
  setUpPortalCatalog,
  viewCountOf,
} from '../../../test/support/portal-fixtures.js';
import { login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { catalogRoutes } from './pages/catalog.routes.js';

for (const kind of DIALECTS) {
  describe(`${catalogRoutes.name} on ${kind}`, () => {
    let t: TestApp;
    let agencyA: PortalCatalog['agencyA'];
    let agencyB: PortalCatalog['agencyB'];
    let topicA: PortalCatalog['topicA'];
    let topicB: PortalCatalog['topicB'];
    let custodian: PortalCatalog['custodian'];

    const get = (url: string, cookie?: string) => getPage(t, url, cookie);
    const viewCount = (name: string) => viewCountOf(t, name);

    beforeAll(async () => {
      ({ t, agencyA, agencyB, topicA, topicB, custodian } = await setUpPortalCatalog(kind));
    });
    afterAll(() => t?.close());

    it('searches by words and shows the count and the matching dataset only', async () => {
      const res = await get('/dataset?q=penduduk');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('1 dataset ditemukan untuk “penduduk”');
      expect(res.body).toContain(`href="/dataset/${PUBLIC_NAME}"`);
      expect(cards(res.body)).toBe(1);
    });

    it('filters by a facet link and offers a link that removes the filter', async () => {
      const all = await get('/dataset');
      const facetHref = `/dataset?organization=${agencyB.code}`;
      expect(all.body).toContain(`href="${facetHref}"`);
      const res = await get(facetHref);
      expect(res.body).toContain('1 dataset ditemukan');
      expect(res.body).toContain(`href="/dataset/${PUBLIC_NAME}"`);
      expect(res.body).toContain('Saringan aktif');
      expect(res.body).toContain('aria-label="Hapus saringan Dinas Kependudukan Uji"');
      const byTopic = await get(
        `/dataset?groups=${topicA.name}&tags=uji&res_format=CSV&license_id=CC-BY-4.0`,
      );
      expect(byTopic.body).toContain(`${BULK} dataset ditemukan`);
    });

    it('pages 20 results at a time, keeping the state in the URL', async () => {
      const first = await get('/dataset?sort=name');
      expect(first.body).toContain(`${BULK + 1} dataset ditemukan`);
      expect(cards(first.body)).toBe(20);
      expect(first.body).toMatch(/href="\/dataset\?sort=name&(amp;)?page=2"/);
      const second = await get('/dataset?sort=name&page=2');
      expect(cards(second.body)).toBe(BULK + 1 - 20);
      expect(second.body).toContain('aria-current="page"');
      // A hand-edited bad page or sort falls back instead of failing.
      expect((await get('/dataset?page=abc&sort=bogus')).statusCode).toBe(200);
    });

    it('shows a search the parser cannot read as a message, not an error page', async () => {
      const res = await get('/dataset?q=%22tidak%20ditutup');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Kata kunci tidak dapat dibaca');
    });

    it('never shows a private or draft dataset to the anonymous public', async () => {
      const hidden = ['Rahasia Privat', 'Draf Tersembunyi', PRIVATE_NAME, DRAFT_NAME];
      for (const name of [PRIVATE_NAME, DRAFT_NAME]) {
        expect((await get(`/dataset/${name}`)).statusCode).toBe(404);
        expect(await viewCount(name)).toBe(0);
      }
      const pages = [
        '/dataset',
        '/dataset?q=penduduk',
        '/dataset?tags=penduduk',
        `/organization/${agencyA.code}`,
        `/group/${topicA.name}`,
        '/',
        '/sitemap.xml',
      ];
      for (const url of pages) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        for (const h of hidden) expect(res.body, `${url} shows ${h}`).not.toContain(h);
      }
      const home = (await get('/')).body;
      expect(home).toContain(`<dd class="count-datasets">${BULK + 1}</dd>`);
      expect(home).toContain('<dd class="count-agencies">2</dd>');
      expect((await get(`/organization/${agencyA.code}`)).body).toContain(`${BULK} dataset ditemukan`);
      expect((await get(`/group/${topicA.name}`)).body).toContain(`${BULK} dataset ditemukan`);
    });

    it('lists public datasets, agencies and topics in the sitemap', async () => {
      const res = await get('/sitemap.xml');
      expect(res.headers['content-type']).toContain('application/xml');
      const xml = res.body;
      expect(xml).toMatch(
        new RegExp(`<loc>${t.config.siteUrl}/dataset/${PUBLIC_NAME}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}T`),
      );
      expect(xml.match(/\/dataset\/[a-z0-9-]+<\/loc>/g)?.length).toBe(BULK + 1);
      expect(xml).toContain(`<loc>${t.config.siteUrl}/organization/${agencyB.code}</loc>`);
      expect(xml).toContain(`<loc>${t.config.siteUrl}/group/${topicB.name}</loc>`);
    });

    it('shows a signed-in custodian the private and draft datasets, marked, with their history', async () => {
      const cookie = await login(t.app, custodian.user.username, TEST_PASSWORD);
      const search = await get('/dataset?q=penduduk', cookie);
      expect(search.body).toContain(`href="/dataset/${PRIVATE_NAME}"`);
      expect(search.body).toContain(`href="/dataset/${DRAFT_NAME}"`);
      expect(search.body).toContain('class="badge badge-private"');
      expect(search.body).toContain('class="badge badge-draft"');
      const page = await get(`/dataset/${PRIVATE_NAME}`, cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Riwayat perubahan');
      expect(page.body).toContain('Dataset dibuat');
      expect(page.body).toContain(custodian.user.username);
      // The home page stays the published catalog, whoever looks.
      expect((await get('/', cookie)).body).toContain(`<dd class="count-datasets">${BULK + 1}</dd>`);
    });

    it('lists agencies and topics with their public dataset counts', async () => {
      const orgs = await get('/organization');
      expect(orgs.body).toContain(`href="/organization/${agencyA.code}"`);
      expect(orgs.body).toContain(`${BULK} dataset`);
      const groups = await get('/group');
      expect(groups.body).toContain(`href="/group/${topicB.name}"`);
      expect(groups.body).toContain('Kependudukan Uji');
      expect((await get('/organization/tidak-ada')).statusCode).toBe(404);
      expect((await get('/group/tidak-ada')).statusCode).toBe(404);
    });

    it('serves robots.txt that keeps crawlers out of the back office and names the sitemap', async () => {
      const res = await get('/robots.txt');
      expect(res.headers['content-type']).toContain('text/plain');
      expect(res.body).toBe(
        [
          'User-agent: *',
          'Allow: /',
          'Disallow: /admin',
          'Disallow: /account',
          'Disallow: /workspace',
          'Disallow: /api/',
          '',
          `Sitemap: ${t.config.siteUrl}/sitemap.xml`,
          '',
        ].join('\n'),
      );
    });

    it('switches a catalog page to English', async () => {
      const res = await get(`/dataset?lang=en&groups=${topicB.name}`);
      expect(res.body).toContain('<html lang="en">');
      expect(res.body).toContain('1 dataset found');
      expect(res.body).toContain('Population Test');
      expect(res.body).toContain('Active filters');
      const topic = await get(`/group/${topicA.name}?lang=en`);
      expect(topic.body).toContain('<h1>Test Topic</h1>');
      const page = await get(`/dataset/${PUBLIC_NAME}`, 'sd_lang=en');
      expect(page.body).toContain('Update frequency');
      expect(page.body).toContain('Annual');
    });
  });
}
