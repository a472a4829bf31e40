/**
 * Share tags and links on the pages a citizen shares (issue #18 item 8): a public chart's page
 * carries Open Graph/Twitter card tags with its PNG (the helpers moved to the kernel so the
 * dissemination module can use them), a chart of a private dataset none; a public dataset page
 * shows share links, a private one does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../../test/factories/index.js';
import { ctxFor } from '../../../../test/support/catalog-fixtures.js';
import {
  createDatastoreTable,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../../test/support/datastore-fixtures.js';
import { createTestApp, login, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import type { Actor } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { chartCreate, publicationCreate } from '../../dissemination/index.js';

for (const kind of DIALECTS) {
  describe(`share tags on chart and dataset pages (${chartCreate.name}) on ${kind}`, () => {
    let t: TestApp;
    let custodian: Actor;
    let custodianCookie: string;
    let open: Awaited<ReturnType<typeof createDatastoreTable>>;
    let closed: Awaited<ReturnType<typeof createDatastoreTable>>;

    const chartOf = (resourceId: string, title: string) =>
      executeAction(ctxFor(t.database, custodian), chartCreate, {
        resource_id: resourceId,
        type: 'bar',
        category: 'nama_wilayah',
        value: 'jumlah_penduduk',
        title,
      });

    beforeAll(async () => {
      t = await createTestApp(kind);
      const built = await buildUser(t.database, { roles: ['custodian'] });
      custodian = built.actor;
      custodianCookie = await login(t.app, built.user.username, TEST_PASSWORD);
      open = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        owner: custodian,
        title: 'Penduduk Terbuka',
      });
      closed = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        owner: custodian,
        private: true,
        title: 'Penduduk Tertutup',
      });
    }, 120_000);
    afterAll(() => t?.close());

    it('a public chart page has card tags with its PNG; the PNG is there', async () => {
      const chart = await chartOf(open.resourceId, 'Penduduk menurut kecamatan');
      const page = await t.app.inject({ url: `/grafik/${chart.name}` });
      expect(page.statusCode).toBe(200);
      const site = t.config.siteUrl;
      expect(page.body).toContain(`<meta property="og:title" content="Penduduk menurut kecamatan" />`);
      expect(page.body).toContain(`<meta property="og:image" content="${site}/grafik/${chart.name}.png" />`);
      expect(page.body).toContain(`<link rel="canonical" href="${site}/grafik/${chart.name}" />`);
      expect(page.body).toContain('<meta name="twitter:card" content="summary_large_image" />');
      // The tags sit in the head, not the body.
      expect(page.body.indexOf('og:title')).toBeLessThan(page.body.indexOf('</head>'));
      const png = await t.app.inject({ url: `/grafik/${chart.name}.png` });
      expect(png.headers['content-type']).toBe('image/png');
    });

    it('a chart of a private dataset, seen by staff, has no card tags', async () => {
      const chart = await chartOf(closed.resourceId, 'Grafik tertutup');
      const staff = await t.app.inject({
        url: `/grafik/${chart.name}`,
        headers: { cookie: custodianCookie },
      });
      expect(staff.statusCode).toBe(200);
      expect(staff.body).toContain('Grafik tertutup');
      expect(staff.body).not.toContain('og:title');
      expect(staff.body).not.toContain('rel="canonical"');
      // The public cannot see it at all.
      const anonymous = await t.app.inject({ url: `/grafik/${chart.name}` });
      expect(anonymous.statusCode).toBe(404);
      expect(anonymous.body).not.toContain('Grafik tertutup');
    });

    it('a draft publication page renders for its staff with no card tags (cards wait for publication)', async () => {
      const { user, actor } = await buildUser(t.database, { roles: ['custodian'] });
      await t.database.db
        .insertInto('user_position')
        .values({ user_id: user.id, role: 'custodian', position: 'staff' })
        .execute();
      const chart = await chartOf(open.resourceId, 'Grafik infografis');
      const pub = await executeAction(ctxFor(t.database, actor), publicationCreate, {
        kind: 'infographic',
        title: 'Infografis Draf Uji',
        narrative: 'Penduduk naik.',
        charts: chart.name,
        planned_release: '2099-12-31',
      });
      const cookie = await login(t.app, user.username, TEST_PASSWORD);
      const page = await t.app.inject({ url: `/publikasi/${pub.name}`, headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Infografis Draf Uji');
      expect(page.body).not.toContain('og:title');
    });

    it('a public dataset page offers share links with its absolute URL; a private one does not exist to the public', async () => {
      const page = await t.app.inject({ url: `/dataset/${open.datasetName}` });
      expect(page.statusCode).toBe(200);
      const url = encodeURIComponent(`${t.config.siteUrl}/dataset/${open.datasetName}`);
      expect(page.body).toContain('class="share-links"');
      expect(page.body).toContain(`href="https://www.facebook.com/sharer/sharer.php?u=${url}"`);
      expect(page.body).toContain('data-share="whatsapp"');
      const closedPage = await t.app.inject({ url: `/dataset/${closed.datasetName}` });
      expect(closedPage.body).not.toContain('share-links');
    });
  });
}
