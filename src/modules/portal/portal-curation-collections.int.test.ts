/**
 * Portal curation on both engines, the datasets side: collections and featured datasets, related
 * datasets, search help, share tags and key indicators. Set-up: portal-curation.fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import { login } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { collectionSave } from './collections/curation.actions.js';
import {
  curationWorld,
  PRIVATE_TITLE,
  PUBLIC_TITLE,
  pngSize,
  SECRET_WORD,
} from './portal-curation.fixture.js';
import { sitePageSave } from './site-pages/site-page-save.js';

for (const kind of DIALECTS) {
  describe(`portal curation (${collectionSave.name}, ${sitePageSave.name}, search help, share tags) on ${kind}`, () => {
    const w = curationWorld(kind);

    it(`${collectionSave.name}: collections and featured datasets show on the home page and /koleksi with public datasets only`, async () => {
      const { t, custodianCookie, publicName, relatedName, privateName, get, postAs } = w;
      const saved = await postAs(custodianCookie, '/admin/portal/koleksi-baru', '/admin/portal/koleksi', {
        name: 'kependudukan',
        title: 'Kependudukan Pilihan',
        title_en: 'Population Picks',
        description: 'Data penduduk terpilih.',
        description_en: 'Selected population data.',
        position: '1',
        on_home: 'true',
        datasets: `${publicName}\n${privateName}\n${relatedName}`,
      });
      expect(saved.statusCode).toBe(303);
      const featured = await postAs(custodianCookie, '/admin/portal', '/admin/portal/unggulan', {
        datasets: `${privateName}\n${relatedName}`,
      });
      expect(featured.statusCode).toBe(303);

      const home = (await get('/')).body;
      expect(home).toContain('Kependudukan Pilihan');
      expect(home).toContain('href="/koleksi/kependudukan"');
      expect(home).toContain('Kepadatan Penduduk Desa');
      expect(home).toContain('2 data');
      const list = (await get('/koleksi')).body;
      expect(list).toContain('Data penduduk terpilih.');
      const page = await get('/koleksi/kependudukan');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(PUBLIC_TITLE);
      expect(page.body.indexOf(PUBLIC_TITLE)).toBeLessThan(page.body.indexOf('Kepadatan Penduduk Desa'));
      const en = (await get('/koleksi/kependudukan', 'sd_lang=en')).body;
      expect(en).toContain('Population Picks');
      expect(en).toContain('Selected population data.');
      // Whoever looks, even the custodian signed in: the private member never shows.
      for (const body of [home, list, page.body, (await get('/', custodianCookie)).body])
        expect(body).not.toContain(SECRET_WORD);
      expect((await get('/koleksi/tidak-ada')).statusCode).toBe(404);

      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['collection_save', 'featured_datasets_save'])
        .execute();
      expect([...new Set(audit.map((a) => a.action))].sort()).toEqual([
        'collection_save',
        'featured_datasets_save',
      ]);
    });

    it(`${collectionSave.name}: an unknown dataset is refused naming it, and the form keeps what was typed`, async () => {
      const { t, custodianCookie, publicName, get, postAs } = w;
      const res = await postAs(custodianCookie, '/admin/portal/koleksi-baru', '/admin/portal/koleksi', {
        name: 'salah-ketik',
        title: 'Koleksi Salah Ketik',
        title_en: 'Typo collection',
        datasets: `${publicName}\ndata-yang-tidak-ada`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('data-yang-tidak-ada');
      expect(res.body).toContain('value="Koleksi Salah Ketik"');
      expect(res.body).toContain(publicName);
      expect(
        await t.database.db.selectFrom('collection').where('name', '=', 'salah-ketik').execute(),
      ).toEqual([]);
      // The collection removed by the custodian leaves the public pages.
      await postAs(custodianCookie, '/admin/portal/koleksi-baru', '/admin/portal/koleksi', {
        name: 'sementara',
        title: 'Sementara',
        title_en: 'Temporary',
        datasets: publicName,
      });
      expect((await get('/koleksi/sementara')).statusCode).toBe(200);
      const del = await postAs(
        custodianCookie,
        '/admin/portal/koleksi/sementara',
        '/admin/portal/koleksi/sementara/hapus',
        {},
      );
      expect(del.statusCode).toBe(303);
      expect((await get('/koleksi/sementara')).statusCode).toBe(404);
    });

    it('the dataset page lists related public datasets (same tag, topic, agency), never a private one', async () => {
      const { custodianCookie, publicName, relatedName, get } = w;
      const page = (await get(`/dataset/${publicName}`)).body;
      const related = page.slice(page.indexOf('id="related-title"'));
      expect(page).toContain('id="related-title"');
      expect(related).toContain(`href="/dataset/${relatedName}"`);
      expect(related).toContain('label sama');
      expect(page).not.toContain(SECRET_WORD);
      expect((await get(`/dataset/${publicName}`, custodianCookie)).body).not.toContain(PRIVATE_TITLE);
    });

    it('search in English mode says the content is Indonesian and offers the Indonesian word', async () => {
      const { get } = w;
      const res = await get('/dataset?q=population', 'sd_lang=en');
      expect(res.body).toContain('The content of this portal is in Indonesian');
      expect(res.body).toContain('href="/dataset?q=penduduk"');
      expect((await get('/dataset?q=population')).body).not.toContain('search-language');
    });

    it('search offers "did you mean" from public titles and tags only, and help when nothing matched', async () => {
      const { custodianCookie, topicName, get } = w;
      const near = (await get('/dataset?q=pendudk')).body;
      expect(near).toContain('Maksud Anda:');
      expect(near).toContain('href="/dataset?q=penduduk"');
      // A near miss of a word only a private dataset holds suggests nothing (and shows no title).
      for (const cookie of [undefined, custodianCookie]) {
        const secret = (await get(`/dataset?q=${SECRET_WORD.slice(0, -1)}x`, cookie)).body;
        expect(secret).not.toContain('did-you-mean');
      }
      const anon = (await get(`/dataset?q=${SECRET_WORD.slice(0, -1)}x`)).body;
      expect(anon).not.toContain(SECRET_WORD);
      const empty = (await get('/dataset?q=zzqqxxyy')).body;
      expect(empty).toContain('Belum ada data yang cocok');
      expect(empty).toContain(`href="/group/${topicName}"`);
      expect(empty).toContain('href="/permintaan-data"');
      expect((await get(`/dataset?q=${encodeURIComponent('penduduk')}`)).body).not.toContain('empty-help');
    });

    it('dataset and resource pages carry Open Graph, Twitter card and canonical tags with a PNG preview', async () => {
      const { custodianCookie, publicName, privateName, resourceId, get } = w;
      const page = (await get(`/dataset/${publicName}`)).body;
      const site = 'http://localhost:3000';
      expect(page).toContain(`<link rel="canonical" href="${site}/dataset/${publicName}" />`);
      expect(page).toContain(`<meta property="og:title" content="${PUBLIC_TITLE}" />`);
      expect(page).toContain('<meta name="twitter:card" content="summary_large_image" />');
      expect(page).toContain('content="Jumlah penduduk per kecamatan &amp; tahun &lt;b&gt;resmi&lt;/b&gt;."');
      expect(page).toContain(
        `<meta property="og:image" content="${site}/dataset/${publicName}/preview.png" />`,
      );
      const png = await get(`/dataset/${publicName}/preview.png`);
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(pngSize(png.rawPayload)).toEqual({ width: 1200, height: 630 });

      const resource = (await get(`/dataset/${publicName}/resource/${resourceId}`)).body;
      expect(resource).toContain(
        `<link rel="canonical" href="${site}/dataset/${publicName}/resource/${resourceId}" />`,
      );
      expect(resource).toContain('property="og:title" content="Tabel penduduk');

      // A private dataset: no share tags on its page for staff, and no preview image for anyone.
      const priv = await get(`/dataset/${privateName}`, custodianCookie);
      expect(priv.statusCode).toBe(200);
      expect(priv.body).not.toContain('og:image');
      expect((await get(`/dataset/${privateName}/preview.png`)).statusCode).toBe(404);
      expect((await get(`/dataset/${privateName}/preview.png`, custodianCookie)).statusCode).toBe(404);
    });

    it('the custodian picks a key indicator in a form; a refused pick keeps what was typed', async () => {
      const { t, custodianCookie, resourceId, get, postAs } = w;
      const form = await get('/admin/portal/indikator', custodianCookie);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(`value="${resourceId}"`);
      const bad = await postAs(custodianCookie, '/admin/portal/indikator', '/admin/portal/indikator', {
        name: 'penduduk',
        title: 'Penduduk Kecamatan',
        title_en: 'District population',
        resource_id: resourceId,
        period_field: 'tahun',
        value_field: 'nik_petugas',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('value="Penduduk Kecamatan"');
      expect(bad.body).toContain('Kolom nilai harus kolom angka yang terbuka');
      const ok = await postAs(custodianCookie, '/admin/portal/indikator', '/admin/portal/indikator', {
        name: 'penduduk',
        title: 'Penduduk Kecamatan',
        title_en: 'District population',
        resource_id: resourceId,
        period_field: 'tahun',
        value_field: 'jumlah_penduduk',
        featured: 'true',
      });
      expect(ok.statusCode).toBe(303);
      expect((await get('/indikator')).body).toContain('Penduduk Kecamatan');
      expect((await get('/admin/portal', custodianCookie)).body).toContain('Penduduk Kecamatan');
      // The back-office index leads the custodian here.
      expect((await get('/admin', custodianCookie)).body).toContain('href="/admin/portal"');
      const del = await postAs(
        custodianCookie,
        '/admin/portal',
        '/admin/portal/indikator/penduduk/hapus',
        {},
      );
      expect(del.statusCode).toBe(303);
      expect((await get('/indikator')).body).not.toContain('Penduduk Kecamatan');
      // A producer may not open the curation pages.
      const producer = await buildUser(t.database, { roles: ['producer'] });
      const cookie = await login(t.app, producer.user.username, TEST_PASSWORD);
      expect((await get('/admin/portal', cookie)).statusCode).toBe(403);
    });
  });
}
