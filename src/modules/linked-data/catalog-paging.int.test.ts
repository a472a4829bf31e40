import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataset,
  DCAT,
  type Fixture,
  HYDRA,
  objects,
  parseJsonLd,
  parseTurtle,
  setUp,
  subjectsOfType,
} from '../../../test/support/linked-data-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`catalog paging on ${kind}`, () => {
    let f: Fixture;
    const TOTAL = 105;
    beforeAll(async () => {
      f = await setUp(kind);
      const started = performance.now();
      for (let i = 0; i < TOTAL; i++) await createDataset(f);
      const ms = Math.round(performance.now() - started);
      console.log(`paging fixture: ${TOTAL} datasets in ${ms} ms`);
      expect(ms).toBeLessThan(60_000);
    });
    afterAll(() => f?.t.close());

    const page = async (n?: number) => {
      const res = await f.t.app.inject({ url: `/catalog.ttl${n ? `?page=${n}` : ''}` });
      return { status: res.statusCode, quads: res.statusCode === 200 ? parseTurtle(res.body) : [] };
    };

    it('pages 100 datasets at a time with Hydra links, as ckanext-dcat does', async () => {
      const started = performance.now();
      const first = await page();
      const ms = Math.round(performance.now() - started);
      console.log(`catalog page of 100: ${ms} ms`);
      expect(ms).toBeLessThan(5_000);
      const second = await page(2);
      const ids1 = subjectsOfType(first.quads, `${DCAT}Dataset`);
      const ids2 = subjectsOfType(second.quads, `${DCAT}Dataset`);
      expect([ids1.length, ids2.length]).toEqual([100, TOTAL - 100]);
      expect(ids1.filter((id) => ids2.includes(id))).toEqual([]);
      const url = (n: number) => `${f.t.config.siteUrl}/catalog.ttl?page=${n}`;
      const [pc = ''] = subjectsOfType(first.quads, `${HYDRA}PagedCollection`);
      expect(pc).toBe(url(1));
      expect(objects(first.quads, pc, `${HYDRA}totalItems`)).toEqual([String(TOTAL)]);
      expect(objects(first.quads, pc, `${HYDRA}itemsPerPage`)).toEqual(['100']);
      expect(objects(first.quads, pc, `${HYDRA}first`)).toEqual([url(1)]);
      expect(objects(first.quads, pc, `${HYDRA}last`)).toEqual([url(2)]);
      expect(objects(first.quads, pc, `${HYDRA}next`)).toEqual([url(2)]);
      expect(objects(first.quads, pc, `${HYDRA}nextPage`)).toEqual([url(2)]);
      expect(objects(first.quads, pc, `${HYDRA}previous`)).toEqual([]);
      expect(objects(second.quads, url(2), `${HYDRA}previous`)).toEqual([url(1)]);
      expect(objects(second.quads, url(2), `${HYDRA}next`)).toEqual([]);
      expect((await page(3)).status).toBe(404);
    });

    it('keeps modified_since in the Hydra links', async () => {
      const res = await f.t.app.inject({ url: '/catalog.jsonld?modified_since=2020-01-01' });
      const quads = await parseJsonLd(res.body);
      const next = `${f.t.config.siteUrl}/catalog.jsonld?modified_since=2020-01-01&page=2`;
      const [pc = ''] = subjectsOfType(quads, `${HYDRA}PagedCollection`);
      expect(objects(quads, pc, `${HYDRA}next`)).toEqual([next]);
    });
  });
}
