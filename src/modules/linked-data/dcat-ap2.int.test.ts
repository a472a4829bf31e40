import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILT_IN_SHAPE,
  DCAT,
  type Fixture,
  type LinkedCatalog,
  objects,
  parseTurtle,
  REPO,
  SH,
  setUpLinkedCatalog,
  subjectsOfType,
  validate,
} from '../../../test/support/linked-data-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';

const DCAT_AP_2 = path.resolve(REPO, '../shared/standards/dcat-ap/2.1.1');
/** As for 3.0.1: mdr-vocabularies needs the EU vocabularies loaded and rejects our own themes. */
const DCAT_AP_2_SHAPES = [
  'dcat-ap_2.1.1_shacl_shapes.ttl',
  'dcat-ap_2.1.1_shacl_shapes_recommended.ttl',
  'dcat-ap_2.1.1_shacl_range.ttl',
  'dcat-ap_2.1.1_shacl_deprecateduris.ttl',
];
const XSD = 'http://www.w3.org/2001/XMLSchema#';

for (const kind of DIALECTS) {
  // ckanext-dcat (0209972) docs/profiles.md L23 (`euro_dcat_ap_2`) and docs/endpoints.md L48 (`?profiles=`)
  // on /catalog.{fmt} and /dataset/{id}.{fmt}.
  describe(`linked data with ?profiles=euro_dcat_ap_2 (DCAT-AP 2.1.1) on ${kind}`, () => {
    let f: Fixture;
    let rich: LinkedCatalog['rich'];
    beforeAll(async () => {
      ({ f, rich } = await setUpLinkedCatalog(kind));
    });
    afterAll(() => f?.t.close());
    const get = (url: string) => f.t.app.inject({ url });

    it('has no violation against the DCAT-AP 2.1.1 SHACL shapes', async () => {
      const res = await get('/catalog.ttl?profiles=euro_dcat_ap_2');
      expect(res.statusCode).toBe(200);
      const data = parseTurtle(res.body);
      expect(subjectsOfType(data, `${DCAT}Dataset`).length).toBeGreaterThan(0);
      expect(await validate(parseTurtle(BUILT_IN_SHAPE), data)).toEqual([]);
      if (!existsSync(DCAT_AP_2)) {
        console.log('skipped: ../shared/standards/dcat-ap/2.1.1 not present');
        return;
      }
      const shapes = (
        await Promise.all(DCAT_AP_2_SHAPES.map((file) => readFile(path.join(DCAT_AP_2, file), 'utf8')))
      ).flatMap(parseTurtle);
      const results = await validate(shapes, data);
      console.log(
        `DCAT-AP 2.1.1: ${subjectsOfType(shapes, `${SH}NodeShape`).length} node shapes, ${results.length} results`,
      );
      expect(results.filter((r) => r.severity === 'sh:Violation')).toEqual([]);
    });

    it('types dcat:byteSize as xsd:decimal and leaves out a non-SHA-1 checksum; the default stays DCAT-AP 3', async () => {
      const ap2 = parseTurtle((await get(`/dataset/${rich.name}.ttl?profiles=euro_dcat_ap_2`)).body);
      const sizes = ap2.filter((q) => q.predicate.value === `${DCAT}byteSize`);
      expect(sizes.length).toBeGreaterThan(0);
      for (const q of sizes)
        expect((q.object as { datatype: { value: string } }).datatype.value).toBe(`${XSD}decimal`);
      expect(ap2.some((q) => q.predicate.value === 'http://spdx.org/rdf/terms#checksum')).toBe(false);
      const ap3 = parseTurtle((await get(`/dataset/${rich.name}.ttl`)).body);
      const dist = ap3.find((q) => q.predicate.value === `${DCAT}byteSize`)?.subject.value ?? '';
      expect(objects(ap3, dist, 'http://spdx.org/rdf/terms#checksum')).toHaveLength(1);
    });

    // ckanext-dcat (0209972) docs/endpoints.md L138-152 "Content negotiation": /catalog and /dataset/{name} answer
    // the RDF serialization `Accept` names; a browser still gets the HTML page.
    it('negotiates RDF on Accept for /catalog and /dataset/{name}', async () => {
      const cat = await f.t.app.inject({ url: '/catalog', headers: { accept: 'application/ld+json' } });
      expect(cat.statusCode).toBe(200);
      expect(cat.headers['content-type']).toBe('application/ld+json; charset=utf-8');
      const ttl = await f.t.app.inject({ url: `/dataset/${rich.name}`, headers: { accept: 'text/turtle' } });
      expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
      expect(subjectsOfType(parseTurtle(ttl.body), `${DCAT}Dataset`)).toHaveLength(1);
      const xml = await f.t.app.inject({
        url: `/dataset/${rich.name}?profiles=euro_dcat_ap_2`,
        headers: { accept: 'application/rdf+xml;q=0.9, text/html;q=0.5' },
      });
      expect(xml.headers['content-type']).toBe('application/rdf+xml; charset=utf-8');
      const browser = await f.t.app.inject({
        url: `/dataset/${rich.name}`,
        headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
      });
      expect(browser.headers['content-type']).toMatch(/^text\/html/);
      expect(browser.headers.vary).toContain('Accept');
    });

    // ckanext-dcat (0209972) docs/profiles.md L26: the `schemaorg` profile describes datasets with schema.org.
    it('?profiles=schemaorg gives schema.org Datasets in every serialization', async () => {
      const one = parseTurtle((await get(`/dataset/${rich.name}.ttl?profiles=schemaorg`)).body);
      expect(subjectsOfType(one, 'https://schema.org/Dataset')).toHaveLength(1);
      expect(
        objects(one, subjectsOfType(one, 'https://schema.org/Dataset')[0] ?? '', 'https://schema.org/name'),
      ).toEqual([rich.title]);
      const all = parseTurtle((await get('/catalog.ttl?profiles=schemaorg')).body);
      expect(subjectsOfType(all, 'https://schema.org/Dataset').length).toBeGreaterThan(0);
      expect(subjectsOfType(all, `${DCAT}Dataset`)).toEqual([]);
      const json = await get(`/dataset/${rich.name}.jsonld?profiles=schemaorg`);
      expect(json.statusCode).toBe(200);
      expect(json.body).toContain('https://schema.org/Dataset');
    });

    it('keeps the profile in the Hydra paging links and refuses an unknown profile', async () => {
      const body = (await get('/catalog.ttl?profiles=euro_dcat_ap_2')).body;
      expect(body).toContain('profiles=euro_dcat_ap_2');
      const bad = await get('/catalog.ttl?profiles=no_such_profile');
      expect(bad.statusCode).toBe(409);
    });
  });
}
