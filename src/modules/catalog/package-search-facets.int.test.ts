import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction } from '../../../test/support/catalog-fixtures.js';
import {
  names,
  type SearchCatalog,
  searchOn,
  setUpSearchCatalog,
} from '../../../test/support/package-search-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`CKAN package_search facets and visibility on ${kind}`, () => {
    let t: TestApp;
    let custodianToken: SearchCatalog['custodianToken'];
    let dinkesProducerToken: SearchCatalog['dinkesProducerToken'];
    let dispertanProducerToken: SearchCatalog['dispertanProducerToken'];

    const search = (query: Record<string, string | number | boolean | string[]>, token?: string) =>
      searchOn(t, query, token);

    beforeAll(async () => {
      ({ t, custodianToken, dinkesProducerToken, dispertanProducerToken } = await setUpSearchCatalog(kind));
    });
    afterAll(() => t?.close());

    describe('facets', () => {
      it('counts organization, groups, tags, res_format and license_id over the matching datasets', async () => {
        const r = await search({
          'facet.field': ['organization', 'groups', 'tags', 'res_format', 'license_id'],
          rows: 0,
        });
        expect(r.facets).toEqual({
          organization: { dinkes: 3, disdik: 2, dispertan: 2 },
          groups: { kesehatan: 3, pendidikan: 2, pertanian: 3 },
          tags: {
            'air bersih': 1,
            bayi: 1,
            guru: 1,
            imunisasi: 1,
            kesehatan: 3,
            padi: 1,
            pendidikan: 2,
            pertanian: 2,
            sanitasi: 1,
          },
          res_format: { CSV: 3, JSON: 1, PDF: 1, XLSX: 1 },
          license_id: { 'CC-BY-4.0': 5, 'CC0-1.0': 1, 'odc-by': 1 },
        });
      });

      it('shapes search_facets as CKAN: title is the field, items sorted by display_name descending', async () => {
        const r = await search({
          'facet.field': ['organization', 'groups', 'license_id', 'res_format'],
          rows: 0,
        });
        expect(r.search_facets.organization).toEqual({
          title: 'organization',
          items: [
            { name: 'dispertan', display_name: 'Dinas Pertanian', count: 2 },
            { name: 'disdik', display_name: 'Dinas Pendidikan', count: 2 },
            { name: 'dinkes', display_name: 'Dinas Kesehatan', count: 3 },
          ],
        });
        expect(r.search_facets.groups?.items.map((i) => [i.name, i.display_name, i.count])).toEqual([
          ['pertanian', 'Pertanian', 3],
          ['pendidikan', 'Pendidikan', 2],
          ['kesehatan', 'Kesehatan', 3],
        ]);
        expect(r.search_facets.license_id?.title).toBe('license_id');
        expect(r.search_facets.license_id?.items.find((i) => i.name === 'CC-BY-4.0')?.display_name).toBe(
          'Creative Commons Attribution 4.0',
        );
        const display = r.search_facets.res_format?.items.map((i) => i.display_name) ?? [];
        expect(display).toEqual([...display].sort().reverse());
      });

      it('facet.field also accepts a JSON list sent in a POST body as an array', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/3/action/package_search',
          payload: { 'facet.field': ['tags'], rows: 0, fq: 'organization:dispertan' },
        });
        expect(res.json().result.facets).toEqual({ tags: { padi: 1, pertanian: 2 } });
      });

      it('facet.limit keeps the most frequent items; -1 keeps all; facet.mincount drops rare ones', async () => {
        const one = await search({ 'facet.field': ['tags'], 'facet.limit': 1, rows: 0 });
        expect(one.facets.tags).toEqual({ kesehatan: 3 });
        expect(one.search_facets.tags?.items).toEqual([
          { name: 'kesehatan', display_name: 'kesehatan', count: 3 },
        ]);
        const all = await search({ 'facet.field': ['tags'], 'facet.limit': -1, rows: 0 });
        expect(Object.keys(all.facets.tags ?? {})).toHaveLength(9);
        const common = await search({ 'facet.field': ['tags'], 'facet.mincount': 2, rows: 0 });
        expect(common.facets.tags).toEqual({ kesehatan: 3, pendidikan: 2, pertanian: 2 });
      });

      it('counts facets over the filtered set only, and none with facet=false', async () => {
        const r = await search({
          fq: 'organization:dinkes',
          'facet.field': ['organization', 'res_format'],
          rows: 0,
        });
        expect(r.facets).toEqual({ organization: { dinkes: 3 }, res_format: { CSV: 2, PDF: 1, XLSX: 1 } });
        const off = await search({ facet: false, 'facet.field': ['organization'] });
        expect(off.facets).toEqual({});
        expect(off.search_facets).toEqual({});
      });

      it('refuses an unknown facet field with a Search Query Error', async () => {
        const res = await callAction(t.app, 'package_search', { query: { 'facet.field': ['bukan_faset'] } });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.__type).toBe('Search Query Error');
      });
    });

    describe('include_private and include_drafts', () => {
      it('are ignored for anonymous callers', async () => {
        const r = await search({
          include_private: true,
          include_drafts: true,
          'facet.field': ['organization'],
        });
        expect(r.count).toBe(7);
        expect(r.facets.organization).toEqual({ dinkes: 3, disdik: 2, dispertan: 2 });
      });

      it("open a producer's own agency's private datasets only, and only when asked", async () => {
        expect((await search({}, dinkesProducerToken)).count).toBe(7);
        const own = await search(
          { include_private: true, 'facet.field': ['organization'], rows: 100 },
          dinkesProducerToken,
        );
        expect(own.count).toBe(8);
        expect(names(own)).toContain('kematian-bayi-rinci');
        expect(own.facets.organization).toEqual({ dinkes: 4, disdik: 2, dispertan: 2 });
        const drafts = await search(
          { include_private: true, include_drafts: true, rows: 100 },
          dinkesProducerToken,
        );
        expect(names(drafts)).not.toContain('draf-sekolah');
        const other = await search(
          { include_private: true, include_drafts: true, q: 'bayi' },
          dispertanProducerToken,
        );
        expect(names(other)).toEqual(['angka-kematian-bayi', 'guru-honorer']);
      });

      it('open every agency to the custodian', async () => {
        expect((await search({ include_private: true }, custodianToken)).count).toBe(8);
        const all = await search({ include_private: true, include_drafts: true, rows: 100 }, custodianToken);
        expect(all.count).toBe(9);
        expect(names(all)).toEqual(expect.arrayContaining(['kematian-bayi-rinci', 'draf-sekolah']));
      });
    });

    it('reads a harvester-style query string (+ for spaces, encoded brackets)', async () => {
      const res = await t.app.inject({
        url: '/api/3/action/package_search?rows=100&start=0&sort=id+asc&fq=metadata_modified%3A%5B2024-01-01T00%3A00%3A00Z+TO+%2A%5D+organization%3Adinkes',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().result.count).toBe(2);
      expect(res.json().result.sort).toBe('id asc');
    });
  });
}
