import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import {
  callAction,
  createAgency,
  createTopic,
  insertDatasetsFast,
  resultOf,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

/** Python's urllib.parse.quote_plus, which ckanext-harvest's urlencode() applies to each value. */
function quotePlus(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

interface Harvested {
  ids: string[];
  pages: number;
  firstCount: number;
  duplicates: number;
}

const ORGS = ['org-x', 'org-y', 'org-z'] as const;
const GROUPS = ['grp-g', 'grp-h'] as const;
const TOTAL = 250;
const SINCE = 'metadata_modified:[2024-01-01T00:00:00Z TO *]';

/** The fixture's public datasets: org, group and whether modified since 2024. */
const FIXTURE = Array.from({ length: TOTAL }, (_, i) => ({
  name: `panen-${String(i).padStart(3, '0')}`,
  org: ORGS[i % 3] as string,
  group: i % 4 === 0 ? 'grp-g' : i % 4 === 1 ? 'grp-h' : null,
  recent: i % 5 !== 0,
  modified: i % 5 === 0 ? new Date(Date.UTC(2023, 5, 1, 0, i)) : new Date(Date.UTC(2024, 2, 1, 0, i)),
}));

for (const kind of DIALECTS) {
  describe(`a CKAN harvester (ckanext-harvest gather stage) on ${kind}`, () => {
    let t: TestApp;
    const idByName = new Map<string, string>();

    /**
     * ckanext-harvest's CKANHarvester._search_for_datasets, step by step: rows=100, start=0,
     * sort=id asc, fq = the terms joined by spaces; page by adding rows to start until a page is
     * empty; abort when two pages are byte-identical; drop ids seen on earlier pages.
     */
    async function harvest(fqTerms: string[]): Promise<Harvested> {
      const params: [string, string][] = [
        ['rows', '100'],
        ['start', '0'],
        ['sort', 'id asc'],
      ];
      if (fqTerms.length) params.push(['fq', fqTerms.join(' ')]);
      const ids: string[] = [];
      const seen = new Set<string>();
      let previous: string | null = null;
      let pages = 0;
      let firstCount = -1;
      let duplicates = 0;
      for (;;) {
        const qs = params.map(([k, v]) => `${k}=${quotePlus(v)}`).join('&');
        const res = await t.app.inject({ url: `/api/3/action/package_search?${qs}` });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
        const content = res.body;
        if (previous !== null && content === previous) throw new Error("The paging doesn't seem to work");
        previous = content;
        pages++;
        const result = JSON.parse(content).result as { count: number; results: { id: string }[] };
        if (firstCount < 0) firstCount = result.count;
        for (const p of result.results) {
          if (seen.has(p.id)) duplicates++;
          else ids.push(p.id);
          seen.add(p.id);
        }
        if (result.results.length === 0) break;
        const start = params.find((p) => p[0] === 'start') as [string, string];
        start[1] = String(Number(start[1]) + 100);
      }
      return { ids, pages, firstCount, duplicates };
    }

    const expectedIds = (keep: (d: (typeof FIXTURE)[number]) => boolean) =>
      FIXTURE.filter(keep)
        .map((d) => idByName.get(d.name) as string)
        .sort();

    beforeAll(async () => {
      t = await createTestApp(kind);
      const custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      const agencies = new Map<string, string>();
      for (const code of ORGS) agencies.set(code, (await createAgency(t.database, { code })).id);
      const topics = new Map<string, string>();
      for (const name of GROUPS) topics.set(name, (await createTopic(t.database, { name })).id);
      const rows = FIXTURE.map((d) => ({
        name: d.name,
        title: `Produksi Panen ${d.name}`,
        agencyId: agencies.get(d.org) as string,
        topicIds: d.group ? [topics.get(d.group) as string] : [],
        tags: ['pertanian'],
        metadataModified: d.modified,
      }));
      // Hidden ones a harvester must never receive: private, draft and deleted, all recent.
      const hidden = ['private', 'draft', 'deleted'].map((what, i) => ({
        name: `tersembunyi-${what}`,
        title: `Tersembunyi ${what}`,
        agencyId: agencies.get(ORGS[i] as string) as string,
        topicIds: [topics.get('grp-g') as string],
        private: what === 'private',
        state: what === 'draft' ? ('draft' as const) : ('active' as const),
        metadataModified: new Date(Date.UTC(2024, 5, 1)),
      }));
      const started = Date.now();
      const ids = await insertDatasetsFast(t.database, custodian, [...rows, ...hidden]);
      await t.database.db
        .updateTable('dataset')
        .set({ state: 'deleted' })
        .where('name', '=', 'tersembunyi-deleted')
        .execute();
      // 253 datasets in one transaction: about 2 s on PGlite, where package_create in a loop
      // takes about 11 s for 250; the paging under test does not depend on how rows were made.
      expect(Date.now() - started).toBeLessThan(20_000);
      rows.forEach((r, i) => {
        idByName.set(r.name, ids[i] as string);
      });
    });
    afterAll(() => t?.close());

    const cases: [string, string[], (d: (typeof FIXTURE)[number]) => boolean][] = [
      ['a full harvest (no fq)', [], () => true],
      ['an incremental harvest (metadata_modified range with Z)', [SINCE], (d) => d.recent],
      [
        'a range with microseconds, as datetime.isoformat() writes it',
        ['metadata_modified:[2023-12-31T23:00:00.123456Z TO *]'],
        (d) => d.recent,
      ],
      [
        'organizations_filter_include',
        ['organization:org-x OR organization:org-y', SINCE],
        (d) => d.recent && d.org !== 'org-z',
      ],
      ['organizations_filter_exclude', ['-organization:org-z', SINCE], (d) => d.recent && d.org !== 'org-z'],
      [
        'organizations_filter_exclude of two',
        ['-organization:org-y', '-organization:org-z'],
        (d) => d.org === 'org-x',
      ],
      ['groups_filter_include', ['groups:grp-g', SINCE], (d) => d.recent && d.group === 'grp-g'],
      [
        'groups_filter_include of two with an organization filter',
        ['organization:org-x OR organization:org-y', 'groups:grp-g OR groups:grp-h', SINCE],
        (d) => d.recent && d.org !== 'org-z' && d.group !== null,
      ],
      ['groups_filter_exclude', ['-groups:grp-g'], (d) => d.group !== 'grp-g'],
    ];

    for (const [label, fq, keep] of cases)
      it(`${label}: every dataset exactly once, pages until empty, total = count`, async () => {
        const expected = expectedIds(keep);
        expect(expected.length).toBeGreaterThan(20);
        const h = await harvest(fq);
        expect(h.duplicates).toBe(0);
        expect(h.firstCount).toBe(expected.length);
        expect(h.ids.length).toBe(expected.length);
        expect(h.ids).toEqual(expected); // sort=id asc: ids come in ascending order across pages
        expect(h.pages).toBe(Math.ceil(expected.length / 100) + 1);
      });

    it('the import stage can look up the remote organizations and groups', async () => {
      const org = await resultOf<{ name: string; package_count: number }>(
        callAction(t.app, 'organization_show', { query: { id: 'org-x' } }),
      );
      expect(org.name).toBe('org-x');
      expect(org.package_count).toBe(FIXTURE.filter((d) => d.org === 'org-x').length);
      const group = await resultOf<{ name: string; package_count: number }>(
        callAction(t.app, 'group_show', { query: { id: 'grp-g' } }),
      );
      expect(group.package_count).toBe(FIXTURE.filter((d) => d.group === 'grp-g').length);
    });
  });
}
