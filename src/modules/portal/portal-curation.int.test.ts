import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  createAgency,
  createDataset,
  createLinkResource,
  createTopic,
  ctxFor,
} from '../../../test/support/catalog-fixtures.js';
import {
  addDatastoreVersion,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import {
  cookieHeader,
  createTestApp,
  csrfFrom,
  login,
  type TestApp,
} from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { GrantableRole } from '../../kernel/access/roles.js';
import { executeAction } from '../../kernel/actions/action.js';
import { collectionDelete, collectionSave, featuredDatasetsSave } from './collections/curation.actions.js';
import { SITE_PAGE_SLUGS } from './domain/site-pages.js';
import { keyIndicatorDelete } from './indicators/key-indicator-delete.js';
import { contactMessageSend } from './site-pages/contact-message-send.js';
import { sitePageSave } from './site-pages/site-page-save.js';

/** A word only the private dataset's title holds: it must never come back as a suggestion. */
const SECRET_WORD = 'rahasiaqwerty';
const PRIVATE_TITLE = `Anggaran ${SECRET_WORD} Tertutup`;
const PUBLIC_TITLE = 'Jumlah Penduduk Kecamatan';

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(buf: Buffer) {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

for (const kind of DIALECTS) {
  describe(`portal curation (${collectionSave.name}, ${sitePageSave.name}, search help, share tags) on ${kind}`, () => {
    let t: TestApp;
    let custodian: Awaited<ReturnType<typeof buildUser>>;
    let custodianCookie: string;
    let publicName: string;
    let relatedName: string;
    let privateName: string;
    let resourceId: string;
    let topicName: string;

    const get = (url: string, cookie?: string) =>
      t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

    /** Post a form as a signed-in browser: the page's CSRF token, the session cookie. */
    async function postAs(cookie: string, pageUrl: string, url: string, fields: Record<string, string>) {
      const page = await get(pageUrl, cookie);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookieHeader(page, cookie), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
      });
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database);
      const otherAgency = await createAgency(t.database);
      const topic = await createTopic(t.database);
      topicName = topic.name;
      custodian = await buildUser(t.database, { roles: ['custodian'] });
      custodianCookie = await login(t.app, custodian.user.username, TEST_PASSWORD);
      const pub = await createDataset(t.database, custodian.actor, {
        owner_org: agency.id,
        title: PUBLIC_TITLE,
        notes: 'Jumlah penduduk per kecamatan & tahun <b>resmi</b>.',
        tags: ['kependudukan'],
        groups: [topic.name],
      });
      publicName = pub.name;
      const r = (await createLinkResource(t.database, custodian.actor, pub.id, {
        name: 'Tabel penduduk',
      })) as {
        id: string;
      };
      resourceId = r.id;
      await addDatastoreVersion(t.database, r.id, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 4));
      const rel = await createDataset(t.database, custodian.actor, {
        owner_org: otherAgency.id,
        title: 'Kepadatan Penduduk Desa',
        tags: ['kependudukan'],
      });
      relatedName = rel.name;
      const priv = await createDataset(t.database, custodian.actor, {
        owner_org: agency.id,
        title: PRIVATE_TITLE,
        private: true,
        tags: ['kependudukan', SECRET_WORD],
        groups: [topic.name],
      });
      privateName = priv.name;
    });
    afterAll(() => t?.close());

    it('creates pg_trgm on this engine (migration 0026)', async () => {
      const { rows } = await sql<{ s: number }>`select similarity('penduduk', 'pendudk') as s`.execute(
        t.database.db,
      );
      expect(Number(rows[0]?.s)).toBeGreaterThan(0.3);
    });

    it('lets only the custodian and the administrator curate the portal (roles × actions), changing nothing when refused', async () => {
      const roles: GrantableRole[] = [
        'producer',
        'custodian',
        'supervisor',
        'secretariat',
        'leader',
        'administrator',
      ];
      const expected: Record<string, GrantableRole[]> = {
        [collectionSave.name]: ['custodian', 'administrator'],
        [featuredDatasetsSave.name]: ['custodian', 'administrator'],
        [sitePageSave.name]: ['custodian', 'administrator'],
        [collectionDelete.name]: ['custodian', 'administrator'],
        [keyIndicatorDelete.name]: ['custodian'],
      };
      const agency = await createAgency(t.database);
      for (const role of roles) {
        const u = await buildUser(t.database, { roles: [role], agencyId: agency.id });
        const ctx = ctxFor(t.database, u.actor);
        const attempts: [string, () => Promise<unknown>][] = [
          [
            collectionSave.name,
            () =>
              executeAction(ctx, collectionSave, {
                name: `matrix-${role}`,
                title: 'Matriks',
                title_en: 'Matrix',
                datasets: [publicName],
              }),
          ],
          [featuredDatasetsSave.name, () => executeAction(ctx, featuredDatasetsSave, { datasets: [] })],
          [
            sitePageSave.name,
            () =>
              executeAction(ctx, sitePageSave, {
                slug: 'faq',
                body_id: `FAQ ${role}`,
                body_en: `FAQ ${role}`,
              }),
          ],
          [collectionDelete.name, () => executeAction(ctx, collectionDelete, { name: `matrix-${role}` })],
          [keyIndicatorDelete.name, () => executeAction(ctx, keyIndicatorDelete, { name: 'tidak-ada' })],
        ];
        for (const [name, attempt] of attempts) {
          const before = await t.database.db.selectFrom('site_page_revision').select('id').execute();
          const outcome = await attempt().then(
            () => 'ok',
            (e: { status?: number }) => (e.status === 403 ? 'denied' : e.status === 404 ? 'ok' : String(e)),
          );
          expect(outcome, `${role} ${name}`).toBe(expected[name]?.includes(role) ? 'ok' : 'denied');
          if (outcome === 'denied')
            expect(await t.database.db.selectFrom('site_page_revision').select('id').execute()).toEqual(
              before,
            );
        }
      }
      const collections = await t.database.db.selectFrom('collection').select('name').execute();
      expect(collections.map((c) => c.name).filter((n) => n.startsWith('matrix-'))).toEqual([]);
    });

    it(`${collectionSave.name}: collections and featured datasets show on the home page and /koleksi with public datasets only`, async () => {
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
      const page = (await get(`/dataset/${publicName}`)).body;
      const related = page.slice(page.indexOf('id="related-title"'));
      expect(page).toContain('id="related-title"');
      expect(related).toContain(`href="/dataset/${relatedName}"`);
      expect(related).toContain('label sama');
      expect(page).not.toContain(SECRET_WORD);
      expect((await get(`/dataset/${publicName}`, custodianCookie)).body).not.toContain(PRIVATE_TITLE);
    });

    it('government pages: starting text, then the custodian’s sanitised Markdown in both languages, revisions kept and audited', async () => {
      for (const slug of SITE_PAGE_SLUGS) {
        const res = await get(`/${slug}`);
        expect(res.statusCode, slug).toBe(200);
        // Every page's footer links every government page.
        for (const other of SITE_PAGE_SLUGS) expect(res.body).toContain(`href="/${other}"`);
      }
      expect((await get('/tentang')).body).toContain('Perpres 39/2019');
      const evil =
        '# Tentang kami\n\n**Walidata** melayani.\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(2))\n\n<img src=x onerror="alert(3)">\n\n<a href="https://bps.go.id" onclick="alert(4)">BPS</a>';
      const first = await postAs(
        custodianCookie,
        '/admin/portal/halaman/tentang',
        '/admin/portal/halaman/tentang',
        {
          body_id: evil,
          body_en: '## About us\n\nThe **custodian** serves.',
        },
      );
      expect(first.statusCode).toBe(303);
      const second = await postAs(
        custodianCookie,
        '/admin/portal/halaman/tentang',
        '/admin/portal/halaman/tentang',
        {
          body_id: `${evil}\n\nEdisi kedua.`,
          body_en: '## About us\n\nSecond edition.',
        },
      );
      expect(second.statusCode).toBe(303);
      const id = (await get('/tentang')).body;
      expect(id).toContain('<h2>Tentang kami</h2>');
      expect(id).toContain('<strong>Walidata</strong>');
      expect(id).toContain('Edisi kedua.');
      expect(id).toContain('href="https://bps.go.id"');
      const prose = id.slice(id.indexOf('<div class="prose">'), id.indexOf('</article>'));
      expect(prose).not.toMatch(/<script|alert|javascript:|onerror|onclick|<img/);
      const en = (await get('/tentang', 'sd_lang=en')).body;
      expect(en).toContain('<h2>About us</h2>');
      expect(en).toContain('Second edition.');

      const revisions = await t.database.db
        .selectFrom('site_page_revision')
        .selectAll()
        .where('slug', '=', 'tentang')
        .execute();
      expect(revisions).toHaveLength(2);
      const form = (await get('/admin/portal/halaman/tentang', custodianCookie)).body;
      const history = form.slice(form.indexOf('class="revision-list"'));
      expect(history.match(/<li>[^<]* oleh /g)).toHaveLength(2);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'site_page_save')
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(2);
      // An empty text is refused, keeping the other language as typed.
      const bad = await postAs(custodianCookie, '/admin/portal/halaman/faq', '/admin/portal/halaman/faq', {
        body_id: '',
        body_en: 'Kept English text',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Kept English text');
      // Signed out, the editor asks to log in; the public cannot post.
      expect((await get('/admin/portal/halaman/tentang')).statusCode).toBe(302);
    });

    it(`${contactMessageSend.name}: the contact form reaches the custodians' inbox; a refusal keeps what was typed; the honeypot keeps nothing`, async () => {
      const before = await t.database.db
        .selectFrom('notification')
        .selectAll()
        .where('user_id', '=', custodian.user.id)
        .execute();
      const page = await t.app.inject({ method: 'GET', url: '/kontak' });
      expect(page.body).toContain('action="/kontak"');
      const post = (fields: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url: '/kontak',
          headers: { cookie: cookieHeader(page), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: csrfFrom(page.body), ...fields }).toString(),
        });
      const bad = await post({
        name: 'Siti Warga',
        email: 'bukan-surel',
        body: 'Mohon data stunting per desa.',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('value="Siti Warga"');
      expect(bad.body).toContain('Mohon data stunting per desa.');
      const bot = await post({
        name: 'Bot',
        email: 'bot@example.org',
        body: 'spam',
        website: 'http://spam.example',
      });
      expect(bot.statusCode).toBe(303);
      const ok = await post({
        name: 'Siti Warga',
        email: 'siti@example.org',
        body: 'Mohon data stunting per desa.',
      });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/kontak?sent=1');
      const kept = await t.database.db.selectFrom('contact_message').selectAll().execute();
      expect(kept.map((m) => m.name)).toEqual(['Siti Warga']);
      const after = await t.database.db
        .selectFrom('notification')
        .selectAll()
        .where('user_id', '=', custodian.user.id)
        .execute();
      expect(after.length).toBe(before.length + 1);
      expect(after.filter((n) => n.link === '/admin/portal/pesan')).toHaveLength(1);
      const inbox = await get('/admin/portal/pesan', custodianCookie);
      expect(inbox.body).toContain('Mohon data stunting per desa.');
      expect(inbox.body).toContain('siti@example.org');
      // Without the page's CSRF token the post is refused.
      const forged = await t.app.inject({
        method: 'POST',
        url: '/kontak',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=X&email=x%40example.org&body=y',
      });
      expect(forged.statusCode).toBe(403);
      expect(await t.database.db.selectFrom('contact_message').select('id').execute()).toHaveLength(1);
    });

    it('search in English mode says the content is Indonesian and offers the Indonesian word', async () => {
      const res = await get('/dataset?q=population', 'sd_lang=en');
      expect(res.body).toContain('The content of this portal is in Indonesian');
      expect(res.body).toContain('href="/dataset?q=penduduk"');
      expect((await get('/dataset?q=population')).body).not.toContain('search-language');
    });

    it('search offers "did you mean" from public titles and tags only, and help when nothing matched', async () => {
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
