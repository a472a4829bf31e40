import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction } from '../../../test/support/catalog-fixtures.js';
import {
  ALL,
  DATASETS,
  names,
  searchOn,
  setUpSearchCatalog,
} from '../../../test/support/package-search-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`CKAN package_search on ${kind}`, () => {
    let t: TestApp;

    const search = (query: Record<string, string | number | boolean | string[]>, token?: string) =>
      searchOn(t, query, token);

    beforeAll(async () => {
      ({ t } = await setUpSearchCatalog(kind));
    });
    afterAll(() => t?.close());

    it('returns count, results, facets, search_facets and sort; defaults to 10 rows', async () => {
      const r = await search({});
      expect(Object.keys(r).sort()).toEqual(['count', 'facets', 'results', 'search_facets', 'sort']);
      expect(r.count).toBe(7);
      expect(names(r)).toEqual(ALL);
      expect(r.sort).toBe('score desc, metadata_modified desc');
      expect(r.facets).toEqual({});
      expect(r.search_facets).toEqual({});
      for (const k of ['id', 'name', 'organization', 'resources', 'tags', 'groups', 'metadata_modified'])
        expect(r.results[0], k).toHaveProperty(k);
    });

    describe('q', () => {
      it('matches words of titles, tags, notes and agencies; *:* and blank match all', async () => {
        expect(names(await search({ q: 'padi' }))).toEqual(['produksi-padi']);
        expect(names(await search({ q: 'imunisasi' }))).toEqual(['cakupan-imunisasi']);
        expect(names(await search({ q: 'Pertanian' }))).toEqual(['luas-panen-jagung', 'produksi-padi']);
        expect((await search({ q: '*:*' })).count).toBe(7);
        expect((await search({ q: '' })).count).toBe(7);
        expect((await search({ q: 'katayangtidakada' })).count).toBe(0);
      });

      it('accepts field terms inside q', async () => {
        expect(names(await search({ q: 'tags:padi' }))).toEqual(['produksi-padi']);
        expect(names(await search({ q: 'organization:disdik' }))).toEqual(['guru-honorer', 'jumlah-sekolah']);
        expect(names(await search({ q: 'jumlah organization:disdik' }))).toEqual([
          'guru-honorer',
          'jumlah-sekolah',
        ]);
      });
    });

    describe('fq', () => {
      const cases: [string, string[]][] = [
        ['organization:dinkes', ['akses-air-bersih', 'angka-kematian-bayi', 'cakupan-imunisasi']],
        ['organization:"dinkes"', ['akses-air-bersih', 'angka-kematian-bayi', 'cakupan-imunisasi']],
        ['-organization:dinkes', ['guru-honorer', 'jumlah-sekolah', 'luas-panen-jagung', 'produksi-padi']],
        [
          'organization:dinkes OR organization:dispertan',
          [
            'akses-air-bersih',
            'angka-kematian-bayi',
            'cakupan-imunisasi',
            'luas-panen-jagung',
            'produksi-padi',
          ],
        ],
        ['-organization:dinkes -organization:disdik', ['luas-panen-jagung', 'produksi-padi']],
        ['groups:pertanian', ['akses-air-bersih', 'luas-panen-jagung', 'produksi-padi']],
        ['groups:pertanian -organization:dinkes', ['luas-panen-jagung', 'produksi-padi']],
        ['tags:pertanian', ['luas-panen-jagung', 'produksi-padi']],
        ['tags:"air bersih"', ['akses-air-bersih']],
        ['res_format:CSV', ['angka-kematian-bayi', 'cakupan-imunisasi', 'luas-panen-jagung']],
        ['res_format:"XLSX"', ['cakupan-imunisasi']],
        ['license_id:odc-by', ['akses-air-bersih']],
        ['license_id:CC0-1.0', ['produksi-padi']],
        ['organization:dinkes tags:imunisasi', ['cakupan-imunisasi']],
        ['organization:dinkes +tags:imunisasi', ['cakupan-imunisasi']],
        ['tags:(padi OR imunisasi)', ['cakupan-imunisasi', 'produksi-padi']],
        [
          'metadata_modified:[2024-01-01T00:00:00Z TO *]',
          ['akses-air-bersih', 'cakupan-imunisasi', 'guru-honorer', 'produksi-padi'],
        ],
        [
          'metadata_modified:[* TO 2023-12-31T23:59:59Z]',
          ['angka-kematian-bayi', 'jumlah-sekolah', 'luas-panen-jagung'],
        ],
        [
          'metadata_modified:[2024-02-01T00:00:00Z TO 2024-05-01T00:00:00Z]',
          ['akses-air-bersih', 'cakupan-imunisasi', 'guru-honorer'],
        ],
        ['metadata_modified:{2024-02-01T00:00:00Z TO 2024-05-01T00:00:00Z}', ['guru-honorer']],
        [
          'metadata_modified:{2024-02-01T00:00:00Z TO 2024-05-01T00:00:00Z]',
          ['akses-air-bersih', 'guru-honorer'],
        ],
        [
          'metadata_modified:[2024-01-01T00:00:00.000Z TO NOW]',
          ['akses-air-bersih', 'cakupan-imunisasi', 'guru-honorer', 'produksi-padi'],
        ],
        [
          'metadata_modified:[2024-01-01T00:00:00Z TO *] organization:dinkes',
          ['akses-air-bersih', 'cakupan-imunisasi'],
        ],
        ['metadata_modified:[2030-01-01T00:00:00Z TO *]', []],
      ];
      for (const [fq, expected] of cases)
        it(`fq=${fq}`, async () => {
          const r = await search({ fq, rows: 100 });
          expect(names(r)).toEqual(expected);
          expect(r.count).toBe(expected.length);
        });

      it('combines fq with q and with fq_list', async () => {
        expect(names(await search({ q: 'jumlah', fq: 'tags:guru' }))).toEqual(['guru-honorer']);
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/3/action/package_search',
          payload: { fq: 'organization:dinkes', fq_list: ['tags:kesehatan', '-tags:bayi'] },
        });
        expect(res.statusCode).toBe(200);
        expect(
          res
            .json()
            .result.results.map((d: { name: string }) => d.name)
            .sort(),
        ).toEqual(['akses-air-bersih', 'cakupan-imunisasi']);
      });

      it('never lets fq open private or draft datasets (capacity:private, name:)', async () => {
        expect((await search({ fq: 'capacity:private' })).count).toBe(0);
        expect((await search({ fq: 'name:kematian-bayi-rinci' })).count).toBe(0);
        expect((await search({ fq: 'name:draf-sekolah', include_drafts: true })).count).toBe(0);
      });
    });

    describe('rows and start', () => {
      it('pages with rows and start in a stable order', async () => {
        const pages: string[] = [];
        for (let start = 0; start < 8; start += 2) {
          const r = await search({ rows: 2, start, sort: 'name asc' });
          expect(r.count).toBe(7);
          pages.push(...r.results.map((d) => d.name));
        }
        expect(pages).toEqual(ALL);
        expect((await search({ rows: 2, start: 100 })).results).toEqual([]);
      });

      it('rows=0 counts without results', async () => {
        const r = await search({ rows: 0, 'facet.field': ['organization'] });
        expect(r.results).toEqual([]);
        expect(r.count).toBe(7);
        expect(r.facets.organization).toEqual({ dinkes: 3, disdik: 2, dispertan: 2 });
      });

      it('clamps rows above 1000 to 1000 instead of refusing (ckan.search.rows_max)', async () => {
        const r = await search({ rows: 5000 });
        expect(r.count).toBe(7);
        expect(r.results).toHaveLength(7);
        const bad = await callAction(t.app, 'package_search', { query: { rows: -1 } });
        expect(bad.statusCode).toBe(409);
        expect(bad.json().error).toHaveProperty('rows');
      });
    });

    describe('sort', () => {
      it('metadata_modified desc', async () => {
        const r = await search({ sort: 'metadata_modified desc' });
        expect(r.results.map((d) => d.name)).toEqual(
          [...DATASETS].sort((a, b) => b.modified.localeCompare(a.modified)).map((d) => d.name),
        );
        expect(r.sort).toBe('metadata_modified desc');
      });

      it('id asc', async () => {
        const r = await search({ sort: 'id asc', rows: 100 });
        const ids = r.results.map((d) => d.id);
        expect(ids).toEqual([...ids].sort());
      });

      it('title_string asc and desc', async () => {
        const asc = await search({ sort: 'title_string asc' });
        const titles = DATASETS.map((d) => d.title).sort();
        expect(asc.results.map((d) => d.title)).toEqual(titles);
        const desc = await search({ sort: 'title_string desc' });
        expect(desc.results.map((d) => d.title)).toEqual([...titles].reverse());
      });

      it('score desc puts a title match before a notes-only match', async () => {
        const r = await search({ q: 'bayi', sort: 'score desc, metadata_modified desc' });
        expect(r.results.map((d) => d.name)).toEqual(['angka-kematian-bayi', 'guru-honorer']);
        const dflt = await search({ q: 'bayi' });
        expect(dflt.results.map((d) => d.name)).toEqual(['angka-kematian-bayi', 'guru-honorer']);
      });
    });
  });
}
