import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeAction } from '../../src/kernel/actions/action.js';
import type { ActionContext } from '../../src/kernel/actions/context.js';
import type { Agency, Topic } from '../../src/kernel/db/schema.js';
import { ValidationError } from '../../src/kernel/errors.js';
import { packageCreate } from '../../src/modules/catalog/actions/package-create.js';
import { insertDataset, insertResource } from '../../src/modules/catalog/dataset.repository.js';
import { insertTopic } from '../../src/modules/catalog/topic.repository.js';
import { catalogRoutes } from '../../src/modules/portal/pages/catalog.routes.js';
import { buildAgency, buildUser, TEST_PASSWORD } from '../factories/index.js';
import { createTestApp, login, type TestApp } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

/** How many public datasets of the first agency the list pages page through. */
const BULK = 23;
const PUBLIC_NAME = 'jumlah-penduduk-kecamatan-uji';
const PRIVATE_NAME = 'rahasia-privat-penduduk';
const DRAFT_NAME = 'draf-tersembunyi-penduduk';

/** Data rows of a result list: one `dataset-card` per dataset shown. */
const cards = (html: string) => html.match(/class="dataset-card"/g)?.length ?? 0;

for (const kind of DIALECTS) {
  describe(`${catalogRoutes.name} on ${kind}`, () => {
    let t: TestApp;
    let agencyA: Agency;
    let agencyB: Agency;
    let topicA: Topic;
    let topicB: Topic;
    let custodian: Awaited<ReturnType<typeof buildUser>>;
    let publicId: string;

    const get = (url: string, cookie?: string) =>
      t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
    const viewCount = async (name: string) =>
      Number(
        (
          await t.database.db
            .selectFrom('dataset')
            .select('view_count')
            .where('name', '=', name)
            .executeTakeFirstOrThrow()
        ).view_count,
      );

    beforeAll(async () => {
      t = await createTestApp(kind);
      agencyA = await buildAgency(t.database, { name: 'Dinas Uji Statistik' });
      agencyB = await buildAgency(t.database, { name: 'Dinas Kependudukan Uji' });
      topicA = await insertTopic(t.database.db, {
        name: 'topik-uji',
        title: 'Topik Uji',
        title_en: 'Test Topic',
      });
      topicB = await insertTopic(t.database.db, {
        name: 'kependudukan-uji',
        title: 'Kependudukan Uji',
        title_en: 'Population Test',
      });
      custodian = await buildUser(t.database, { roles: ['custodian'] });
      const ctx: ActionContext = { db: t.database.db, actor: custodian.actor, requestId: null, ip: null };
      const create = (input: Record<string, unknown>) => executeAction(ctx, packageCreate, input);
      for (let i = 1; i <= BULK; i++)
        await create({
          name: `data-uji-${String(i).padStart(2, '0')}`,
          title: `Data Uji Nomor ${i}`,
          notes: 'Data untuk menguji halaman katalog.',
          owner_org: agencyA.code,
          private: false,
          groups: [topicA.name],
          tags: ['uji'],
          resources: [{ name: 'Tabel', format: 'CSV', url: `https://data.example.org/uji-${i}.csv` }],
        });
      const created = await create({
        name: PUBLIC_NAME,
        title: 'Jumlah Penduduk Kecamatan Uji',
        notes: 'Baris pertama.\nBaris kedua <script>alert(1)</script>\n\nParagraf berikutnya.',
        owner_org: agencyB.code,
        private: false,
        license_id: 'CC-BY-4.0',
        groups: [topicB.name],
        tags: ['penduduk', 'kecamatan'],
        update_frequency: 'annual',
        temporal_start: '2024-01-01',
        temporal_end: '2024-12-31',
        spatial: ['35.20', '35.20.06'],
        maintainer: 'Bidang Data Kependudukan',
        maintainer_email: 'data@magetan.go.id',
        version: '2.1',
        resources: [
          { name: 'Penduduk per kecamatan', format: 'CSV', url: 'https://data.example.org/penduduk.csv' },
        ],
      });
      publicId = created?.id ?? '';
      await create({
        name: PRIVATE_NAME,
        title: 'Rahasia Privat Penduduk',
        owner_org: agencyA.code,
        private: true,
        groups: [topicA.name],
        tags: ['penduduk'],
      });
      await create({
        name: DRAFT_NAME,
        title: 'Draf Tersembunyi Penduduk',
        owner_org: agencyA.code,
        private: false,
        state: 'draft',
        groups: [topicA.name],
        tags: ['penduduk'],
      });
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

    it('shows the dataset page with its metadata, escaped description and alternates', async () => {
      const res = await get(`/dataset/${PUBLIC_NAME}`);
      expect(res.statusCode).toBe(200);
      const html = res.body;
      expect(html).toContain('<h1>Jumlah Penduduk Kecamatan Uji</h1>');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).toContain('Baris kedua &lt;script');
      expect(html).toContain('Dinas Kependudukan Uji');
      expect(html).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
      expect(html).toContain('Tahunan');
      expect(html).toContain('1 Jan 2024 – 31 Des 2024');
      expect(html).toContain('Kabupaten Magetan, Magetan');
      expect(html).toContain('Bidang Data Kependudukan');
      expect(html).toContain('href="mailto:data@magetan.go.id"');
      expect(html).toContain('2.1');
      expect(html).toContain('href="/dataset?tags=penduduk"');
      expect(html).toContain(`href="/group/${topicB.name}"`);
      expect(html).toContain('href="https://data.example.org/penduduk.csv"');
      expect(html).toContain(
        `<link rel="alternate" type="text/turtle" href="/dataset/${PUBLIC_NAME}.ttl" />`,
      );
      expect(html).toContain('type="application/rdf+xml"');
      expect(html).toMatch(/<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org\/"/);
      expect(html).not.toContain('Riwayat perubahan');
    });

    it('counts a view for each GET of the page, not for HEAD', async () => {
      const before = await viewCount(PUBLIC_NAME);
      await get(`/dataset/${PUBLIC_NAME}`);
      await get(`/dataset/${PUBLIC_NAME}`);
      expect(await viewCount(PUBLIC_NAME)).toBe(before + 2);
      await t.app.inject({ method: 'HEAD', url: `/dataset/${PUBLIC_NAME}` });
      expect(await viewCount(PUBLIC_NAME)).toBe(before + 2);
    });

    it('redirects a dataset id to its name', async () => {
      const res = await get(`/dataset/${publicId}`);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/dataset/${PUBLIC_NAME}`);
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

    it('never turns a stored javascript: URL into a link', async () => {
      // A draft, so the public lists stay as the other tests expect; the custodian can open it.
      const ctx: ActionContext = { db: t.database.db, actor: custodian.actor, requestId: null, ip: null };
      // The actions refuse such URLs outright …
      await expect(
        executeAction(ctx, packageCreate, {
          name: 'tautan-berbahaya',
          title: 'Tautan Berbahaya',
          owner_org: agencyB.code,
          state: 'draft',
          url: 'javascript:alert(1)',
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      // … and the page still guards against one stored before that rule (or written by hand).
      const d = await insertDataset(t.database.db, {
        name: 'tautan-berbahaya',
        title: 'Tautan Berbahaya',
        agency_id: agencyB.id,
        state: 'draft',
        url: 'javascript:alert(1)',
      });
      await insertResource(t.database.db, {
        dataset_id: d.id,
        name: 'Jebakan',
        format: 'CSV',
        url: 'javascript:alert(document.cookie)',
      });
      const cookie = await login(t.app, custodian.user.username, TEST_PASSWORD);
      const page = await get('/dataset/tautan-berbahaya', cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Jebakan');
      expect(page.body.toLowerCase()).not.toContain('href="javascript:');
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
