import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  getPage,
  type PortalCatalog,
  PUBLIC_NAME,
  setUpPortalCatalog,
  viewCountOf,
} from '../../../test/support/portal-fixtures.js';
import { login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { ValidationError } from '../../kernel/errors.js';
import { insertDataset, insertResource } from '../catalog/dataset.repository.js';
import { packageCreate } from '../catalog/index.js';
import { catalogRoutes } from './pages/catalog.routes.js';

for (const kind of DIALECTS) {
  describe(`${catalogRoutes.name} on ${kind}`, () => {
    let t: TestApp;
    let agencyB: PortalCatalog['agencyB'];
    let topicB: PortalCatalog['topicB'];
    let custodian: PortalCatalog['custodian'];
    let publicId: PortalCatalog['publicId'];

    const get = (url: string, cookie?: string) => getPage(t, url, cookie);
    const viewCount = (name: string) => viewCountOf(t, name);

    beforeAll(async () => {
      ({ t, agencyB, topicB, custodian, publicId } = await setUpPortalCatalog(kind));
    });
    afterAll(() => t?.close());

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
  });
}
