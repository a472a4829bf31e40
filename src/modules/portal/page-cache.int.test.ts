import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  type PortalCatalog,
  PUBLIC_NAME,
  setUpPortalCatalog,
  viewCountOf,
} from '../../../test/support/portal-fixtures.js';
import { countQueries } from '../../../test/support/query-count.js';
import { login, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import { createApp } from '../../modules.js';
import { packagePatch } from '../catalog/actions/package-patch.js';
import { replaceFeatured } from './collections/curation.repository.js';

/**
 * The anonymous page cache (src/kernel/http/page-cache.ts): a repeat anonymous view is served
 * from memory, and never once the catalog changed, even when the change went through another
 * instance sharing the database.
 */
for (const kind of DIALECTS) {
  describe(`the anonymous page cache on ${kind}`, () => {
    let t: TestApp;
    let custodian: PortalCatalog['custodian'];
    let publicId: string;
    let other: Awaited<ReturnType<typeof createApp>>;

    beforeAll(async () => {
      ({ t, custodian, publicId } = await setUpPortalCatalog(kind));
      // A second instance on the same database, with its own cache.
      other = await createApp({
        config: t.config,
        database: t.database,
        site: await siteOf(t),
        logger: false,
      });
      await other.ready();
    });
    afterAll(async () => {
      await other?.close();
      await t?.close();
    });

    const get = (app: TestApp['app'], url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers });

    it('serves a repeat anonymous view from memory, the same bytes, with an ETag that answers 304', async () => {
      const first = await get(t.app, `/dataset/${PUBLIC_NAME}`);
      expect(first.statusCode).toBe(200);
      // Nothing on the page is this reader's own: no CSRF cookie minted, so it can be shared.
      expect(first.headers['set-cookie']).toBeUndefined();
      const { result: second, count } = await countQueries(t.database.db, () =>
        get(t.app, `/dataset/${PUBLIC_NAME}`),
      );
      expect(second.headers['x-page-cache']).toBe('hit');
      // A hit costs the one read of the catalog's stamps.
      expect(count).toBe(1);
      expect(second.body).toBe(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      const again = await get(t.app, `/dataset/${PUBLIC_NAME}`, {
        'if-none-match': String(first.headers.etag),
      });
      expect(again.statusCode).toBe(304);
      // Each language has its own entry.
      const english = await get(t.app, `/dataset/${PUBLIC_NAME}?lang=en`);
      expect(english.headers['x-page-cache']).toBeUndefined();
      expect(english.body).not.toBe(first.body);
    });

    it('shares one entry between browsers’ Accept headers, and keeps RDF asked by Accept apart', async () => {
      const url = `/dataset/${PUBLIC_NAME}?cache=accept`;
      await get(t.app, url, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      const other = await get(t.app, url, { accept: '*/*' });
      expect(other.headers['x-page-cache']).toBe('hit');
      const turtle = await get(t.app, url, { accept: 'text/turtle' });
      expect(turtle.headers['x-page-cache']).toBeUndefined();
      expect(String(turtle.headers['content-type'])).toContain('text/turtle');
      expect((await get(t.app, url, { accept: 'text/turtle' })).headers['x-page-cache']).toBe('hit');
      expect((await get(t.app, url)).headers['content-type']).toContain('text/html');
    });

    it('never serves a page older than a change committed through another instance', async () => {
      for (const url of [`/dataset/${PUBLIC_NAME}`, '/dataset', '/']) {
        await get(t.app, url);
        expect((await get(t.app, url)).headers['x-page-cache'], url).toBe('hit');
      }
      const ctx: ActionContext = { db: t.database.db, actor: custodian.actor, requestId: null, ip: null };
      await executeAction(ctx, packagePatch, { id: PUBLIC_NAME, title: 'Penduduk Kecamatan Berubah' });
      // The change is seen on the other instance (its own cache) and on this one at once.
      expect((await get(other, `/dataset/${PUBLIC_NAME}`)).body).toContain('Penduduk Kecamatan Berubah');
      for (const url of [`/dataset/${PUBLIC_NAME}`, '/dataset', '/']) {
        const res = await get(t.app, url);
        expect(res.headers['x-page-cache'], url).toBeUndefined();
        expect(res.body, url).toContain('Penduduk Kecamatan Berubah');
      }
    });

    it('moves on what the home page shows beside datasets (a dataset featured by the custodian)', async () => {
      await get(t.app, '/');
      expect((await get(t.app, '/')).headers['x-page-cache']).toBe('hit');
      await replaceFeatured(t.database.db, [publicId]);
      const home = await get(t.app, '/');
      expect(home.headers['x-page-cache']).toBeUndefined();
      expect(home.body).toContain(`/dataset/${PUBLIC_NAME}`);
    });

    it('counts the views it serves, and never serves a signed-in reader', async () => {
      const before = await viewCountOf(t, PUBLIC_NAME);
      for (let i = 0; i < 3; i++) await get(t.app, `/dataset/${PUBLIC_NAME}`);
      expect(await viewCountOf(t, PUBLIC_NAME)).toBe(before + 3);
      const cookie = await login(t.app, custodian.user.username, TEST_PASSWORD);
      const staff = await get(t.app, `/dataset/${PUBLIC_NAME}`, { cookie });
      expect(staff.headers['x-page-cache']).toBeUndefined();
      expect(staff.body).toContain('Riwayat perubahan');
      // And a signed-in page is never handed to the public.
      const anonymous = await get(t.app, `/dataset/${PUBLIC_NAME}`);
      expect(anonymous.body).not.toContain('Riwayat perubahan');
    });

    it('serves a repeat anonymous package_search or package_show from memory until the catalog changes, never a token-bearing call', async () => {
      const url = '/api/3/action/package_search?q=penduduk&facet.field=["organization","tags"]';
      const first = await get(t.app, url);
      expect(first.statusCode).toBe(200);
      const second = await get(t.app, url);
      expect(second.headers['x-page-cache']).toBe('hit');
      expect(second.body).toBe(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(String(second.headers['content-type'])).toContain('application/json');
      // A caller with a token may see more than the public: never from the shared entry.
      const withToken = await get(t.app, url, { authorization: 'bukan-token' });
      expect(withToken.headers['x-page-cache']).toBeUndefined();
      // package_show too; its hits are still reported as API use (evaluation/api-usage.int.test.ts).
      await get(t.app, `/api/3/action/package_show?id=${PUBLIC_NAME}`);
      const show = await get(t.app, `/api/3/action/package_show?id=${PUBLIC_NAME}`);
      expect(show.headers['x-page-cache']).toBe('hit');
      const ctx: ActionContext = { db: t.database.db, actor: custodian.actor, requestId: null, ip: null };
      await executeAction(ctx, packagePatch, { id: PUBLIC_NAME, title: 'Penduduk Judul API' });
      const after = await get(other, url);
      expect(after.headers['x-page-cache']).toBeUndefined();
      expect(after.body).toContain('Penduduk Judul API');
      const here = await get(t.app, url);
      expect(here.headers['x-page-cache']).toBeUndefined();
      expect(here.body).toContain('Penduduk Judul API');
    });

    it('can be switched off (PAGE_CACHE=off) to measure the pages cold', async () => {
      const cold = await createApp({
        config: { ...t.config, pageCache: false },
        database: t.database,
        site: await siteOf(t),
        logger: false,
      });
      try {
        await cold.inject({ url: `/dataset/${PUBLIC_NAME}` });
        expect(
          (await cold.inject({ url: `/dataset/${PUBLIC_NAME}` })).headers['x-page-cache'],
        ).toBeUndefined();
      } finally {
        await cold.close();
      }
    });
  });
}

async function siteOf(t: TestApp) {
  const { ensureSite } = await import('../agencies/site.js');
  return ensureSite(t.database.db, t.config);
}
