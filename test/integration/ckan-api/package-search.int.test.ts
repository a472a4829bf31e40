import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/kernel/access/policy.js';
import { buildUser } from '../../factories/index.js';
import {
  callAction,
  createAgency,
  createDataset,
  createTopic,
  resultOf,
  userWithToken,
} from '../../support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { DIALECTS } from '../../support/test-database.js';

interface SearchResult {
  count: number;
  sort: string;
  results: { id: string; name: string; title: string; metadata_modified: string; resources: unknown[] }[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  >;
}

const link = (format: string) => ({
  url: `https://data.example.go.id/berkas.${format.toLowerCase()}`,
  format,
  name: format,
});

/**
 * Seven public datasets over three agencies and three topics, with known tags, formats,
 * licenses and modification times; plus one private and one draft that a plain search must
 * never count.
 */
const DATASETS = [
  {
    name: 'angka-kematian-bayi',
    title: 'Angka Kematian Bayi',
    owner_org: 'dinkes',
    groups: ['kesehatan'],
    tags: ['kesehatan', 'bayi'],
    license_id: 'CC-BY-4.0',
    resources: [link('CSV')],
    modified: '2023-06-01T08:00:00Z',
  },
  {
    name: 'cakupan-imunisasi',
    title: 'Cakupan Imunisasi Dasar',
    owner_org: 'dinkes',
    groups: ['kesehatan'],
    tags: ['kesehatan', 'imunisasi'],
    license_id: 'CC-BY-4.0',
    resources: [link('CSV'), link('XLSX')],
    modified: '2024-02-01T00:00:00Z',
  },
  {
    name: 'jumlah-sekolah',
    title: 'Jumlah Sekolah Dasar',
    owner_org: 'disdik',
    groups: ['pendidikan'],
    tags: ['pendidikan'],
    license_id: 'CC-BY-4.0',
    resources: [],
    modified: '2023-12-31T23:59:59Z',
  },
  {
    name: 'akses-air-bersih',
    title: 'Akses Air Bersih Rumah Tangga',
    owner_org: 'dinkes',
    groups: ['kesehatan', 'pertanian'],
    tags: ['air bersih', 'kesehatan', 'sanitasi'],
    license_id: 'odc-by',
    resources: [link('PDF')],
    modified: '2024-05-01T00:00:00Z',
  },
  {
    name: 'produksi-padi',
    title: 'Produksi Padi',
    owner_org: 'dispertan',
    groups: ['pertanian'],
    tags: ['pertanian', 'padi'],
    license_id: 'CC0-1.0',
    resources: [link('JSON')],
    modified: '2024-07-01T00:00:00Z',
  },
  {
    name: 'luas-panen-jagung',
    title: 'Luas Panen Jagung',
    owner_org: 'dispertan',
    groups: ['pertanian'],
    tags: ['pertanian'],
    license_id: 'CC-BY-4.0',
    resources: [{ ...link('CSV'), format: 'csv' }],
    modified: '2022-01-01T00:00:00Z',
  },
  {
    name: 'guru-honorer',
    title: 'Jumlah Guru Honorer',
    owner_org: 'disdik',
    groups: ['pendidikan'],
    tags: ['pendidikan', 'guru'],
    license_id: 'CC-BY-4.0',
    notes: 'Termasuk guru PAUD dan pengasuh bayi di taman penitipan anak.',
    resources: [],
    modified: '2024-03-15T00:00:00Z',
  },
] as const;
const ALL = DATASETS.map((d) => d.name).sort();
const names = (r: SearchResult) => r.results.map((d) => d.name).sort();

for (const kind of DIALECTS) {
  describe(`CKAN package_search on ${kind}`, () => {
    let t: TestApp;
    let custodian: Actor;
    let custodianToken: string;
    let dinkesProducerToken: string;
    let dispertanProducerToken: string;

    const search = (query: Record<string, string | number | boolean | string[]>, token?: string) =>
      resultOf<SearchResult>(callAction(t.app, 'package_search', { query, ...(token ? { token } : {}) }));

    beforeAll(async () => {
      t = await createTestApp(kind);
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      const dinkes = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
      const dispertan = await createAgency(t.database, { code: 'dispertan', name: 'Dinas Pertanian' });
      await createTopic(t.database, { name: 'kesehatan', title: 'Kesehatan' });
      await createTopic(t.database, { name: 'pendidikan', title: 'Pendidikan' });
      await createTopic(t.database, { name: 'pertanian', title: 'Pertanian' });
      for (const { modified: _m, ...d } of DATASETS)
        await createDataset(t.database, custodian, {
          ...d,
          groups: [...d.groups],
          tags: [...d.tags],
          resources: [...d.resources],
        });
      await createDataset(t.database, custodian, {
        name: 'kematian-bayi-rinci',
        title: 'Kematian Bayi per Desa (rahasia)',
        owner_org: 'dinkes',
        private: true,
        tags: ['kesehatan', 'bayi'],
        groups: ['kesehatan'],
      });
      await createDataset(t.database, custodian, {
        name: 'draf-sekolah',
        title: 'Draf Sekolah Swasta',
        owner_org: 'disdik',
        state: 'draft',
        tags: ['pendidikan'],
      });
      for (const d of DATASETS)
        await t.database.db
          .updateTable('dataset')
          .set({ metadata_modified: new Date(d.modified) })
          .where('name', '=', d.name)
          .execute();
      custodianToken = (await userWithToken(t.database, 'custodian')).token;
      dinkesProducerToken = (await userWithToken(t.database, 'producer', dinkes.id)).token;
      dispertanProducerToken = (await userWithToken(t.database, 'producer', dispertan.id)).token;
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
