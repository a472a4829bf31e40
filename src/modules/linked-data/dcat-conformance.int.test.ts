import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILT_IN_SHAPE,
  createDataset,
  DCAT,
  DCAT_AP_3,
  DCAT_AP_3_SHAPES,
  type Fixture,
  type LinkedCatalog,
  parseTurtle,
  SH,
  setUpLinkedCatalog,
  subjectsOfType,
  validate,
} from '../../../test/support/linked-data-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { datasetSchemaOrg } from './schema-org.js';

for (const kind of DIALECTS) {
  describe(`linked data (DCAT-AP 3) conformance on ${kind}`, () => {
    let f: Fixture;
    let rich: LinkedCatalog['rich'];
    beforeAll(async () => {
      ({ f, rich } = await setUpLinkedCatalog(kind));
    });
    afterAll(() => f?.t.close());

    const get = (url: string, cookie?: string) =>
      f.t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });

    it('conforms to the DCAT-AP 3.0.1 SHACL shapes and to our own minimum', async () => {
      const data = parseTurtle((await get('/catalog.ttl')).body);
      expect(subjectsOfType(data, `${DCAT}Dataset`).length).toBeGreaterThan(0);
      const own = await validate(parseTurtle(BUILT_IN_SHAPE), data);
      expect(own).toEqual([]);
      if (!existsSync(DCAT_AP_3)) {
        console.log('skipped: ../shared/standards/dcat-ap not present');
        return;
      }
      const shapes = (
        await Promise.all(DCAT_AP_3_SHAPES.map(async (file) => readFile(path.join(DCAT_AP_3, file), 'utf8')))
      ).flatMap(parseTurtle);
      const results = await validate(shapes, data);
      const shapeCount = subjectsOfType(shapes, `${SH}NodeShape`).length;
      console.log(
        `DCAT-AP 3.0.1: ${shapeCount} node shapes, ${results.length} results`,
        results.filter((r) => r.severity !== 'sh:Violation').map((r) => `${r.severity} ${r.path}`),
      );
      expect(results.filter((r) => r.severity === 'sh:Violation')).toEqual([]);
    });

    it('routes /dataset/{name}.{ext} without taking /dataset/{name} or resource downloads', async () => {
      const routes = f.t.app.printRoutes({ commonPrefix: false });
      expect(routes).toContain(':file(^[\\w.-]+\\.(?:ttl|n3|jsonld|rdf|xml)$)');
      expect(f.t.app.hasRoute({ method: 'GET', url: '/dataset/:id/resource/:rid/download/:file' })).toBe(
        true,
      );
      const ttl = await get(`/dataset/${rich.name}.ttl`);
      expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
      const page = await get(`/dataset/${rich.name}`);
      expect(String(page.headers['content-type'])).not.toMatch(/turtle|rdf|ld\+json/);
      expect((await get(`/dataset/${rich.name}.csv`)).headers['content-type']).not.toMatch(/turtle/);
    });

    it('builds a schema.org Dataset with Google’s required and recommended fields', async () => {
      for (const dict of [rich]) {
        const names = new Map([['35.20', 'Kabupaten Magetan']]);
        const s = datasetSchemaOrg(dict, f.t.config.siteUrl, names);
        expect(s).toMatchObject({ '@type': 'Dataset', name: dict.title, isAccessibleForFree: true });
        expect((s.description as string).length).toBeGreaterThanOrEqual(50);
        expect(s).toHaveProperty('url');
        expect(s).toHaveProperty('identifier');
        expect(s).toHaveProperty('license', 'https://creativecommons.org/licenses/by/4.0/');
        expect(s.creator).toMatchObject({ '@type': 'GovernmentOrganization', name: 'Dinas Kesehatan' });
        expect(s.publisher).toMatchObject({ name: 'Dinas Kesehatan' });
        expect(s.temporalCoverage).toBe('2024-01-01/2024-12-31');
        expect(s.spatialCoverage).toContainEqual(
          expect.objectContaining({ '@type': 'Place', name: 'Kabupaten Magetan' }),
        );
        expect(s.keywords).toEqual(expect.arrayContaining(['imunisasi', 'Kesehatan']));
        expect(s.dateModified).toMatch(/Z$/);
        for (const d of s.distribution as Record<string, unknown>[]) {
          expect(d).toMatchObject({ '@type': 'DataDownload', encodingFormat: 'text/csv' });
          expect(d.contentUrl).toMatch(/^https?:\/\//);
        }
        // schema.org's context is remote; a local stand-in keeps the test offline.
        const documentLoader = async (url: string) => ({
          documentUrl: url,
          document: { '@context': { '@vocab': 'https://schema.org/' } },
        });
        const expanded = await jsonld.expand(s, { documentLoader } as unknown as Parameters<
          typeof jsonld.expand
        >[1]);
        expect(expanded[0]?.['https://schema.org/name']).toEqual([{ '@value': dict.title }]);
      }
      const short = await createDataset(f, { title: 'Jumlah Puskesmas', notes: 'Singkat.' });
      expect(
        (datasetSchemaOrg(short, f.t.config.siteUrl).description as string).length,
      ).toBeGreaterThanOrEqual(50);
    });
  });
}
