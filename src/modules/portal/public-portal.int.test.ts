import { XMLParser } from 'fast-xml-parser';
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
import { ANONYMOUS } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ACTION_REGISTRY } from '../../kernel/actions/registry.js';
import { followConfirm, followSubscribe, followUnsubscribe } from './follow/follow.actions.js';
import { notifyFollowers } from './follow/follow-notify.js';

/** The closed column's values (nik_petugas) of the population fixture: never in a public response. */
const CLOSED_VALUE = '3520000000000001';
const PRIVATE_TITLE = 'Data Rahasia Umpan';
const parser = new XMLParser({ ignoreAttributes: false });
const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

for (const kind of DIALECTS) {
  describe(`public portal contracts (feeds, ${followSubscribe.name}, change log, citation) on ${kind}`, () => {
    let t: TestApp;
    let agencyCode: string;
    let topicName: string;
    let datasetName: string;
    let datasetId: string;
    let resourceId: string;
    let owner: Awaited<ReturnType<typeof buildUser>>;

    const get = (url: string, cookie?: string) =>
      t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
    const outbox = () => t.database.db.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute();

    /** Post a form the way a browser does: the page's CSRF cookie and token. */
    async function postForm(pageUrl: string, url: string, fields: Record<string, string>) {
      const page = await get(pageUrl);
      const cookie = cookieHeader(page);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        // The follow form carries no token for a reader without a session (an anonymous form);
        // the confirm and unsubscribe pages do.
        payload: new URLSearchParams({
          ...(page.body.includes('name="_csrf"') ? { _csrf: csrfFrom(page.body) } : {}),
          ...fields,
        }).toString(),
      });
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database);
      const topic = await createTopic(t.database);
      agencyCode = agency.code;
      topicName = topic.name;
      owner = await buildUser(t.database, { roles: ['custodian'] });
      const d = await createDataset(t.database, owner.actor, {
        owner_org: agency.id,
        title: 'Penduduk Umpan Publik',
        tags: ['umpan'],
        groups: [topic.name],
      });
      datasetName = d.name;
      datasetId = d.id;
      const r = (await createLinkResource(t.database, owner.actor, d.id, { name: 'Tabel penduduk' })) as {
        id: string;
      };
      resourceId = r.id;
      await addDatastoreVersion(t.database, r.id, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 4));
      // A private dataset of the same agency, topic and tag, with a table: never in a feed.
      const p = await createDataset(t.database, owner.actor, {
        owner_org: agency.id,
        title: PRIVATE_TITLE,
        private: true,
        tags: ['umpan'],
        groups: [topic.name],
      });
      const pr = (await createLinkResource(t.database, owner.actor, p.id)) as { id: string };
      await addDatastoreVersion(t.database, pr.id, POPULATION_SCHEMA, POPULATION_ROWS);
    });
    afterAll(() => t?.close());

    it('feeds parse as Atom at CKAN addresses and carry public datasets only, whoever asks', async () => {
      const staff = await buildUser(t.database, { roles: ['custodian'] });
      const staffCookie = await login(t.app, staff.user.username, TEST_PASSWORD);
      const urls = [
        '/feeds/dataset.atom',
        `/feeds/organization/${agencyCode}.atom`,
        `/feeds/group/${topicName}.atom`,
        '/feeds/tag/umpan.atom',
        '/feeds/custom.atom?q=penduduk',
      ];
      for (const url of urls)
        for (const cookie of [undefined, staffCookie]) {
          const res = await get(url, cookie);
          expect(res.statusCode, url).toBe(200);
          expect(res.headers['content-type']).toContain('application/atom+xml');
          const doc = parser.parse(res.body) as {
            feed: {
              id: string;
              entry?: { title: string | { '#text': string }; link: { '@_href': string } }[];
            };
          };
          expect(doc.feed.id).toContain(url.split('?')[0]?.replace(/\.atom$/, '') ?? '');
          const entries = asList(doc.feed.entry);
          expect(
            entries.map((e) => (typeof e.title === 'string' ? e.title : e.title['#text'])),
            url,
          ).toContain('Penduduk Umpan Publik');
          expect(entries.some((e) => e.link['@_href'].endsWith(`/dataset/${datasetName}`))).toBe(true);
          expect(res.body).not.toContain(PRIVATE_TITLE);
          expect(res.body).not.toContain(CLOSED_VALUE);
        }
      expect((await get('/feeds/organization/no-such-thing.rss')).statusCode).toBe(404);
      expect((await get('/feeds/tag/umpan.atom?lang=en')).statusCode).toBe(200);
    });

    it('a follow is confirmed by the mailed link, mails a new version through the outbox, and unsubscribes', async () => {
      const email = 'warga@example.org';
      const res = await postForm(`/dataset/${datasetName}`, '/follow', {
        email,
        kind: 'dataset',
        target: datasetName,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Periksa surel Anda');
      const [confirmMail] = await outbox();
      expect(confirmMail?.to_address).toBe(email);
      const token = confirmMail?.body.match(/follow\/confirm\?token=([\w-]+)/)?.[1] ?? '';
      const unsubscribe = confirmMail?.body.match(/follow\/unsubscribe\?token=([\w-]+)/)?.[1] ?? '';
      expect(token).not.toBe('');

      // Not confirmed yet: a new version mails nobody.
      expect(await notifyFollowers(t.database.db, t.config.siteUrl)).toBe(0);

      const confirmPage = await get(`/follow/confirm?token=${token}`);
      expect(confirmPage.statusCode).toBe(200);
      expect(confirmPage.body).toContain('Penduduk Umpan Publik');
      const confirmed = await postForm(`/follow/confirm?token=${token}`, '/follow/confirm', { token });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.body).toContain('Langganan aktif');

      await addDatastoreVersion(t.database, resourceId, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 6));
      expect(await notifyFollowers(t.database.db, t.config.siteUrl)).toBe(1);
      expect(await notifyFollowers(t.database.db, t.config.siteUrl)).toBe(0);
      const versionMail = (await outbox()).at(-1);
      expect(versionMail?.to_address).toBe(email);
      expect(versionMail?.subject).toBe('Versi baru: Penduduk Umpan Publik');
      expect(versionMail?.body).toContain('Versi 2 dari "Tabel penduduk"');
      expect(versionMail?.body).toContain(`/follow/unsubscribe?token=${unsubscribe}`);

      const gone = await postForm(`/follow/unsubscribe?token=${unsubscribe}`, '/follow/unsubscribe', {
        token: unsubscribe,
      });
      expect(gone.statusCode).toBe(200);
      expect(gone.body).toContain('tidak akan menerima surel lagi');
      expect(await t.database.db.selectFrom('follow_subscription').selectAll().execute()).toEqual([]);
      await addDatastoreVersion(t.database, resourceId, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 6));
      expect(await notifyFollowers(t.database.db, t.config.siteUrl)).toBe(0);
      // Following the agency (from its page) covers the dataset's next version too.
      const agencyPage = await get(`/organization/${agencyCode}`);
      expect(agencyPage.body).toContain(`href="/feeds/organization/${agencyCode}.atom"`);
      expect(agencyPage.body).toContain('name="kind" value="organization"');
      await postForm(`/organization/${agencyCode}`, '/follow', {
        email,
        kind: 'organization',
        target: agencyCode,
      });
      const agencyToken = (await outbox()).at(-1)?.body.match(/follow\/confirm\?token=([\w-]+)/)?.[1] ?? '';
      await executeAction(ctxFor(t.database, ANONYMOUS), followConfirm, { token: agencyToken });
      await addDatastoreVersion(t.database, resourceId, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 6));
      expect(await notifyFollowers(t.database.db, t.config.siteUrl)).toBe(1);
      await t.database.db.deleteFrom('follow_subscription').execute();
      // The links are single-purpose: a spent token is refused, a bad address keeps the form's answer clear.
      expect((await get(`/follow/unsubscribe?token=${unsubscribe}`)).statusCode).toBe(404);
    });

    it(`${followConfirm.name} and ${followUnsubscribe.name} refuse unknown tokens; a private dataset cannot be followed`, async () => {
      const ctx = ctxFor(t.database, { userId: null, username: 'anonim', roles: ['public'], agencyId: null });
      await expect(executeAction(ctx, followConfirm, { token: 'x'.repeat(43) })).rejects.toThrow(
        /tidak berlaku/,
      );
      await expect(executeAction(ctx, followUnsubscribe, { token: 'x'.repeat(43) })).rejects.toThrow(
        /tidak berlaku/,
      );
      const privateName = (
        await t.database.db
          .selectFrom('dataset')
          .select('name')
          .where('title', '=', PRIVATE_TITLE)
          .executeTakeFirstOrThrow()
      ).name;
      await expect(
        executeAction(ctx, followSubscribe, { email: 'a@example.org', kind: 'dataset', target: privateName }),
      ).rejects.toThrow(/tidak ditemukan/);
      const bad = await postForm(`/dataset/${datasetName}`, '/follow', {
        email: 'not-an-address',
        kind: 'dataset',
        target: datasetName,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Alamat surel tidak sah');
    });

    it('the change log tells each published version (rows, columns) and metadata edits', async () => {
      // Version 5: a column and a row more than version 4.
      const wider = {
        ...POPULATION_SCHEMA,
        fields: [...POPULATION_SCHEMA.fields, { name: 'catatan', type: 'string' as const }],
      };
      await addDatastoreVersion(
        t.database,
        resourceId,
        wider,
        POPULATION_ROWS.map((r) => [...r, 'ok']),
      );
      const patch = ACTION_REGISTRY.package_patch;
      if (!patch) throw new Error('package_patch is not registered');
      await executeAction(ctxFor(t.database, owner.actor), patch, {
        id: datasetName,
        notes: 'Catatan baru.',
      });
      const html = (await get(`/dataset/${datasetName}`)).body;
      const log = html.slice(html.indexOf('id="changes-title"'), html.indexOf('id="cite-title"'));
      expect(log).toContain('Tabel penduduk, versi 1: 4 baris; terbitan pertama');
      expect(log).toContain('Tabel penduduk, versi 2: 6 baris; 2 baris bertambah');
      expect(log).toContain('Tabel penduduk, versi 5: 7 baris; 1 baris bertambah; kolom baru: catatan');
      expect(log).toContain('Metadata diubah:');
      expect(log).toContain('notes');
      // The closed column is never named, nor its values shown.
      expect(log).not.toContain('nik_petugas');
      expect(html).not.toContain(CLOSED_VALUE);
      const en = (await get(`/dataset/${datasetName}?lang=en`)).body;
      expect(en).toContain('Change log');
      expect(en).toContain('Tabel penduduk, version 2: 6 rows; 2 rows added');
    });

    it('the citation box gives a plain citation, BibTeX and RIS with version and date', async () => {
      const html = (await get(`/dataset/${datasetName}`)).body;
      const plain = html.match(/<p class="cite-plain">([^<]+)<\/p>/)?.[1] ?? '';
      const year = String(new Date().getFullYear());
      expect(plain).toContain(`(${year}). Penduduk Umpan Publik (versi 5) [Data set]. Portal Satu Data`);
      expect(plain).toContain(`/dataset/${datasetName} (diakses ${new Date().toISOString().slice(0, 10)})`);
      const bib = html.match(/<pre class="cite-bibtex" tabindex="0">([^<]+)<\/pre>/)?.[1] ?? '';
      expect(bib).toMatch(/^@misc\{/);
      expect(bib).toContain('title = {Penduduk Umpan Publik}');
      expect(bib).toContain('version = {5}');
      const ris = html.match(/<pre class="cite-ris" tabindex="0">([^<]+)<\/pre>/)?.[1] ?? '';
      expect(ris.split('\n')[0]).toBe('TY  - DATA');
      expect(ris).toContain('TI  - Penduduk Umpan Publik');
      expect(ris).toContain('ET  - 5');
      expect(ris.trim().endsWith('ER  -')).toBe(true);
      const en = (await get(`/dataset/${datasetName}?lang=en`)).body;
      expect(en).toContain('Cite this dataset');
      expect(en).toMatch(/Penduduk Umpan Publik \(version 5\)/);
      expect(datasetId).toBeTruthy();
    });
  });
}
