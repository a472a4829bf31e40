/**
 * Portal curation on both engines, the pages side: pg_trgm, who may curate (roles × actions), the
 * government pages and the contact form. Set-up: portal-curation.fixture.ts.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { createAgency, ctxFor } from '../../../test/support/catalog-fixtures.js';
import { cookieHeader, csrfFrom } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { GrantableRole } from '../../kernel/access/roles.js';
import { executeAction } from '../../kernel/actions/action.js';
import { collectionDelete, collectionSave, featuredDatasetsSave } from './collections/curation.actions.js';
import { SITE_PAGE_SLUGS } from './domain/site-pages.js';
import { keyIndicatorDelete } from './indicators/key-indicator-delete.js';
import { curationWorld } from './portal-curation.fixture.js';
import { contactMessageSend } from './site-pages/contact-message-send.js';
import { sitePageSave } from './site-pages/site-page-save.js';

for (const kind of DIALECTS) {
  describe(`portal curation (${collectionSave.name}, ${sitePageSave.name}, search help, share tags) on ${kind}`, () => {
    const w = curationWorld(kind);

    it('creates pg_trgm on this engine (migration 0026)', async () => {
      const { t } = w;
      const { rows } = await sql<{ s: number }>`select similarity('penduduk', 'pendudk') as s`.execute(
        t.database.db,
      );
      expect(Number(rows[0]?.s)).toBeGreaterThan(0.3);
    });

    it('lets only the custodian and the administrator curate the portal (roles × actions), changing nothing when refused', async () => {
      const { t, publicName } = w;
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

    it('government pages: starting text, then the custodian’s sanitised Markdown in both languages, revisions kept and audited', async () => {
      const { t, custodianCookie, get, postAs } = w;
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
      const { t, custodian, custodianCookie, get } = w;
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
  });
}
