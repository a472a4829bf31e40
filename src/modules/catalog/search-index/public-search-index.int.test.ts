/**
 * The in-memory public search index answers exactly as the search statement (issue #21): for
 * random searches (words, `or`, `-word`, field queries, sorts, pages, facets with limits and
 * minimum counts) over a few hundred datasets with tied timestamps and mixed visibility, every
 * answer the index gives equals SQL's; after each kind of change it answers nothing until it
 * is rebuilt, and then again as SQL; it never holds private, draft or deleted datasets.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  insertDatasetsFast,
  resultOf,
  userWithToken,
} from '../../../../test/support/catalog-fixtures.js';
import { type SearchCatalog, setUpSearchCatalog } from '../../../../test/support/package-search-fixtures.js';
import type { TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import { type SearchRequest, searchDatasets } from '../dataset-search.repository.js';
import { PUBLIC_VISIBILITY } from '../dataset-search-where.repository.js';
import { FACET_FIELDS, type FacetField } from '../domain/search-facets.js';
import { parseSearchQuery, parseSort } from '../domain/search-query.js';
import { searchPublicIndex, warmPublicSearchIndex } from './public-search.js';

const WORDS = [
  'penduduk',
  'puskesmas',
  'sekolah',
  'padi',
  'stunting',
  'guru',
  'ternak',
  'kelahiran',
  'jalan',
  'kota',
  'desa',
  'jumlah',
  'air',
  'bersih',
];
const TAGS = ['kesehatan', 'pendidikan', 'pertanian', 'air bersih', 'bayi', 'guru', 'padi', 'sanitasi'];
const FORMATS = ['CSV', 'xlsx', 'Json', 'PDF'];
const FQS = [
  'tags:kesehatan',
  '-tags:guru',
  'organization:dinkes',
  'organization:disdik OR organization:dispertan',
  'res_format:csv',
  'res_format:PDF',
  'license_id:CC-BY-4.0',
  'groups:pertanian',
  '-groups:kesehatan',
  'capacity:public',
  'tags:"air bersih"',
  'name:jumlah-penduduk-per-kecamatan',
];
const SORTS = [
  '',
  'score desc, metadata_modified desc',
  'metadata_modified desc',
  'metadata_created asc',
  'id desc',
  'metadata_modified asc, id desc',
];

/** A small deterministic generator, so a failure reproduces. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const ANONYMOUS = PUBLIC_VISIBILITY;

function request(
  q: string,
  fq: string,
  sort: string,
  rows: number,
  start: number,
  facets: FacetField[],
  limit: number,
  minCount: number,
): SearchRequest {
  const parsed = parseSearchQuery(q);
  return {
    clauses: [...parsed.clauses, ...parseSearchQuery(fq).clauses],
    text: parsed.text.join(' '),
    sort: parseSort(sort),
    rows,
    start,
    visibility: ANONYMOUS,
    facetFields: facets,
    facetLimit: limit,
    facetMinCount: minCount,
  };
}

const searchArb = fc
  .record({
    words: fc.array(
      fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('or', '-kota', '-guru', 'tidakada')),
      { maxLength: 3 },
    ),
    fq: fc.oneof(fc.constant(''), fc.constantFrom(...FQS)),
    sort: fc.constantFrom(...SORTS),
    rows: fc.constantFrom(0, 1, 5, 10, 25),
    start: fc.constantFrom(0, 0, 3, 20),
    facets: fc.subarray([...FACET_FIELDS]),
    limit: fc.constantFrom(-1, 2, 50),
    minCount: fc.constantFrom(0, 1, 3),
  })
  .map((s) => request(s.words.join(' '), s.fq, s.sort, s.rows, s.start, s.facets, s.limit, s.minCount));

for (const kind of DIALECTS) {
  describe(`the public search index on ${kind}`, () => {
    let t: TestApp;
    let custodianToken: SearchCatalog['custodianToken'];

    beforeAll(async () => {
      let custodian: SearchCatalog['custodian'];
      ({ t, custodian, custodianToken } = await setUpSearchCatalog(kind));
      const db = t.database.db;
      const agencies = await db.selectFrom('agency').select('id').orderBy('code').execute();
      const topics = await db.selectFrom('topic').select('id').orderBy('name').execute();
      const r = rng(21);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
      // Few distinct timestamps, so sorts by them tie and the id decides, as in SQL.
      const days = [1, 2, 3].map((d) => new Date(Date.UTC(2026, 0, d, 8, 0, 0, 123)));
      await insertDatasetsFast(
        t.database,
        custodian,
        Array.from({ length: 240 }, (_, i) => ({
          name: `set-${i}`,
          title: Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(WORDS)).join(' '),
          agencyId: pick(agencies).id,
          topicIds: r() < 0.7 ? [pick(topics).id] : [],
          tags: [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(TAGS)))],
          private: r() < 0.1,
          state: r() < 0.1 ? ('draft' as const) : ('active' as const),
          metadataModified: pick(days),
          format: pick(FORMATS),
        })),
      );
      await warmPublicSearchIndex(db);
    });
    afterAll(() => t?.close());

    it('answers random public searches exactly as the search statement', async () => {
      const db = t.database.db;
      let answered = 0;
      await fc.assert(
        fc.asyncProperty(searchArb, async (req) => {
          const fromIndex = await searchPublicIndex(db, req);
          if (!fromIndex) return;
          answered++;
          expect(fromIndex).toEqual(await searchDatasets(db, req));
        }),
        { numRuns: 250, seed: 21 },
      );
      // Nearly every generated search is one the index answers (a few text-only stopword queries are not).
      expect(answered).toBeGreaterThan(200);
    });

    it('holds only public active open datasets', async () => {
      const db = t.database.db;
      const everything = request('', '', 'id asc', 1000, 0, [], 50, 1);
      const fromIndex = await searchPublicIndex(db, everything);
      const publicIds = await db
        .selectFrom('dataset')
        .select('id')
        .where('private', '=', false)
        .where('state', '=', 'active')
        .where('classification', '=', 'open')
        .orderBy('id')
        .execute();
      expect(fromIndex?.ids).toEqual(publicIds.map((d) => d.id));
      expect(fromIndex?.ids).not.toContain(
        (
          await db
            .selectFrom('dataset')
            .select('id')
            .where('name', '=', 'kematian-bayi-rinci')
            .executeTakeFirstOrThrow()
        ).id,
      );
      // Staff searches that open private, draft or deleted datasets are SQL's.
      expect(
        await searchPublicIndex(db, { ...everything, visibility: { ...ANONYMOUS, includePrivate: true } }),
      ).toBeNull();
    });

    it('package_search never answers from an index the catalog has moved past', async () => {
      const db = t.database.db;
      const ask = (q: string) =>
        resultOf<{ count: number; results: { name: string; title: string }[] }>(
          callAction(t.app, 'package_search', { query: { q, rows: 5 } }),
        );
      // Both texts seen and the index current: the next searches are answered by it first.
      expect((await ask('ubur')).count).toBe(0);
      expect((await ask('penduduk')).count).toBeGreaterThan(0);
      const { name } = await db
        .selectFrom('dataset')
        .select('name')
        .where('name', 'like', 'set-%')
        .where('private', '=', false)
        .where('state', '=', 'active')
        .orderBy('name')
        .executeTakeFirstOrThrow();
      await warmPublicSearchIndex(db);
      await resultOf(
        callAction(t.app, 'package_patch', {
          body: { id: name, title: 'Ubur Ubur Penduduk' },
          token: custodianToken,
        }),
      );
      // No page of the old index's answer (none for `ubur`, one without the new title) is sent.
      const ubur = await ask('ubur');
      expect(ubur.count).toBe(1);
      expect(ubur.results.map((d) => d.name)).toEqual([name]);
      const penduduk = await ask('penduduk');
      expect(penduduk.results.find((d) => d.name === name)?.title ?? 'Ubur Ubur Penduduk').toBe(
        'Ubur Ubur Penduduk',
      );
    });

    it('answers nothing after a change until rebuilt, then as SQL again', async () => {
      const db = t.database.db;
      const probes = [
        request(
          'penduduk',
          '',
          '',
          10,
          0,
          ['organization', 'tags', 'groups', 'res_format', 'license_id'],
          50,
          1,
        ),
        request('', 'tags:kesehatan', 'metadata_modified desc', 10, 0, ['tags'], 50, 1),
        request('guru -kota', '', '', 25, 0, ['organization'], -1, 1),
      ];
      const changes: [string, Record<string, unknown>][] = [
        ['package_patch', { id: 'set-1', title: 'Penduduk Miskin Kota', tags: [{ name: 'kemiskinan' }] }],
        ['package_patch', { id: 'set-2', private: true }],
        ['package_delete', { id: 'set-3' }],
        ['organization_patch', { id: 'dinkes', title: 'Dinas Kesehatan Daerah' }],
        ['package_patch', { id: 'set-4', license_id: 'odc-by', groups: [{ name: 'pendidikan' }] }],
      ];
      const admin = (await userWithToken(t.database, 'administrator')).token;
      for (const [action, body] of changes) {
        const token = action.startsWith('organization') ? admin : custodianToken;
        await resultOf(callAction(t.app, action, { body, token }));
        // The first search after the change is SQL's (it starts a rebuild in the background).
        expect(await searchPublicIndex(db, probes[0] as SearchRequest), action).toBeNull();
        await warmPublicSearchIndex(db);
        for (const p of probes)
          expect(await searchPublicIndex(db, p), action).toEqual(await searchDatasets(db, p));
      }
      const miskin = await searchPublicIndex(db, request('miskin', 'tags:kemiskinan', '', 10, 0, [], 50, 1));
      expect(miskin?.count).toBe(1);
    });
  });
}
