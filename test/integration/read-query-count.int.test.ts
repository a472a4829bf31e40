/**
 * Reads cost a fixed handful of statements, whatever a dataset holds (issue #21 item 3): the
 * dataset page, package_show and the search page read the stored package dict, so a dataset with
 * eight resources costs what one with one resource costs. Counted, not timed, with the page
 * cache off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmPublicSearchIndex } from '../../src/modules/catalog/index.js';
import { resultOf, uniq } from '../support/catalog-fixtures.js';
import { type Pkg, postAction, setUpWriteApi, type WriteApi } from '../support/ckan-write-fixtures.js';
import { countQueries } from '../support/query-count.js';
import { DIALECTS } from '../support/test-database.js';

for (const kind of DIALECTS) {
  describe(`statements per read on ${kind}`, () => {
    let w: WriteApi;
    const datasets: Record<number, Pkg> = {};

    beforeAll(async () => {
      // The page cache off: what is counted is the read itself, not a repeat served from memory
      // (a hit costs the one stamp read, counted in portal/page-cache.int.test.ts).
      w = await setUpWriteApi(kind, { PAGE_CACHE: 'off' });
      for (const n of [1, 8])
        datasets[n] = await resultOf<Pkg>(
          postAction(
            w.t,
            'package_create',
            {
              name: `hitung-${n}-${uniq()}`,
              title: `Hitung Kueri ${n}`,
              owner_org: 'dinkes',
              private: false,
              tags: ['hitung', `tag-${n}`],
              groups: [{ name: 'kesehatan' }],
              resources: Array.from({ length: n }, (_, i) => ({
                name: `Tabel ${i + 1}`,
                url: `https://data.example.go.id/${i}.csv`,
                format: 'CSV',
              })),
            },
            w.custodian,
          ),
        );
    });
    afterAll(() => w?.t.close());

    /** Statements of the second request (the first may build and store the dict). */
    async function statementsOf(url: string) {
      const first = await w.t.app.inject({ url });
      expect(first.statusCode).toBe(200);
      const { result, count, statements } = await countQueries(w.t.database.db, () =>
        w.t.app.inject({ url }),
      );
      expect(result.statusCode).toBe(200);
      return { count, statements };
    }

    it('a dataset page takes the same few statements with one resource or eight', async () => {
      const one = await statementsOf(`/dataset/${datasets[1]?.name}`);
      const eight = await statementsOf(`/dataset/${datasets[8]?.name}`);
      expect(eight.count).toBe(one.count);
      // The stored dict, the preview and versions, the change log, related datasets: a handful.
      expect(one.count, one.statements.join('\n')).toBeLessThanOrEqual(10);
    });

    it('package_show is one statement: the policy columns and the stored dict together', async () => {
      for (const n of [1, 8]) {
        const { count, statements } = await statementsOf(
          `/api/3/action/package_show?id=${datasets[n]?.name}`,
        );
        expect(count, statements.join('\n')).toBe(1);
      }
    });

    it('package_search and the search page: the stamps and the query, then the stored dicts', async () => {
      // From the public search index (built in the background after the first search, which also
      // kept the query's tsquery): the page's stored dicts, read with the stamps that prove the
      // index's answer current.
      await w.t.app.inject({ url: '/api/3/action/package_search?q=hitung' });
      await warmPublicSearchIndex(w.t.database.db);
      const api = await statementsOf('/api/3/action/package_search?q=hitung&facet.field=["tags","groups"]');
      expect(api.count, api.statements.join('\n')).toBe(1);
      const page = await statementsOf('/dataset?q=hitung');
      // With fewer than three hits the page also looks for a "did you mean" word.
      expect(page.count, page.statements.join('\n')).toBeLessThanOrEqual(5);
    });

    it('answers a repeat API read whose ETag still matches with 304 and no body, and a changed one with 200', async () => {
      const url = `/dataset/${datasets[1]?.name}`;
      for (const path of [
        `/api/3/action/package_show?id=${datasets[1]?.name}`,
        '/api/3/action/package_list',
      ]) {
        const first = await w.t.app.inject({ url: path });
        const etag = first.headers.etag as string;
        expect(etag).toMatch(/^(W\/)?"/);
        const again = await w.t.app.inject({ url: path, headers: { 'if-none-match': etag } });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe('');
      }
      await resultOf(
        postAction(w.t, 'package_patch', { id: datasets[1]?.id, title: 'Judul Diganti' }, w.custodian),
      );
      const before = (await w.t.app.inject({ url: `/api/3/action/package_show?id=${datasets[1]?.name}` }))
        .headers.etag;
      const stale = await w.t.app.inject({ url, headers: { 'if-none-match': String(before) } });
      expect(stale.statusCode).toBe(200);
      expect(stale.body).toContain('Judul Diganti');
    });
  });
}
