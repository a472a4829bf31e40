import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/index.js';
import {
  DCAT,
  DCT,
  type Fixture,
  type LinkedCatalog,
  objects,
  PARSERS,
  parseTurtle,
  setUpLinkedCatalog,
  subjectsOfType,
} from '../../../test/support/linked-data-fixtures.js';
import { login } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`linked data (DCAT-AP 3) on ${kind}`, () => {
    let f: Fixture;
    let rich: LinkedCatalog['rich'];
    let publicIds: LinkedCatalog['publicIds'];
    let hidden: LinkedCatalog['hidden'];
    beforeAll(async () => {
      ({ f, rich, publicIds, hidden } = await setUpLinkedCatalog(kind));
    });
    afterAll(() => f?.t.close());

    const get = (url: string, cookie?: string) =>
      f.t.app.inject({ url, ...(cookie ? { headers: { cookie } } : {}) });
    const uri = (id: string) => `${f.t.config.siteUrl}/dataset/${id}`;

    it('lists the same public datasets in Turtle, JSON-LD and RDF/XML', async () => {
      const expected = publicIds.map(uri).sort();
      for (const [ext, parse] of Object.entries(PARSERS)) {
        const res = await get(`/catalog.${ext}`);
        expect(res.statusCode, ext).toBe(200);
        const quads = await parse(res.body);
        expect(subjectsOfType(quads, `${DCAT}Dataset`), ext).toEqual(expected);
        expect(subjectsOfType(quads, `${DCAT}Catalog`), ext).toEqual([f.t.config.siteUrl]);
        for (const h of hidden) {
          expect(res.body, ext).not.toContain(h.id);
          expect(res.body, ext).not.toContain(h.title);
        }
      }
    });

    it('stays public-only for a signed-in custodian who may see private datasets', async () => {
      const { user } = await buildUser(f.t.database, { roles: ['custodian'] });
      const cookie = await login(f.t.app, user.username, TEST_PASSWORD);
      const quads = parseTurtle((await get('/catalog.ttl', cookie)).body);
      expect(subjectsOfType(quads, `${DCAT}Dataset`)).toHaveLength(publicIds.length);
      for (const h of hidden) expect((await get(`/dataset/${h.name}.ttl`, cookie)).statusCode).toBe(404);
    });

    it('serves one dataset by name or id in each format, and 404 for private and draft ones', async () => {
      for (const [ext, parse] of Object.entries(PARSERS)) {
        for (const ref of [rich.name, rich.id]) {
          const res = await get(`/dataset/${ref}.${ext}`);
          expect(res.statusCode, `${ref}.${ext}`).toBe(200);
          expect(subjectsOfType(await parse(res.body), `${DCAT}Dataset`)).toEqual([uri(rich.id)]);
        }
        for (const h of hidden) expect((await get(`/dataset/${h.name}.${ext}`)).statusCode).toBe(404);
      }
      expect((await get('/dataset/tidak-ada.ttl')).statusCode).toBe(404);
    });

    it('maps the package to DCAT-AP 3 terms', async () => {
      const q = parseTurtle((await get(`/dataset/${rich.name}.ttl`)).body);
      const ds = uri(rich.id);
      const site = f.t.config.siteUrl;
      const eu = 'http://publications.europa.eu/resource/authority/';
      expect(objects(q, ds, `${DCT}identifier`)).toEqual([rich.id]);
      expect(objects(q, ds, `${DCAT}keyword`).sort()).toEqual(['imunisasi', 'kesehatan anak']);
      expect(objects(q, ds, `${DCAT}theme`)).toEqual([`${site}/group/kesehatan`]);
      expect(objects(q, ds, `${DCT}accrualPeriodicity`)).toEqual([`${eu}frequency/ANNUAL`]);
      expect(objects(q, ds, `${DCT}spatial`).sort()).toEqual([
        `${site}/wilayah/35.20`,
        `${site}/wilayah/35.20.01`,
      ]);
      expect(objects(q, `${site}/wilayah/35.20`, 'http://www.w3.org/2004/02/skos/core#prefLabel')).toEqual([
        'Kabupaten Magetan',
      ]);
      const [period = ''] = objects(q, ds, `${DCT}temporal`);
      expect(objects(q, period, `${DCAT}startDate`)).toEqual(['2024-01-01']);
      expect(objects(q, period, `${DCAT}endDate`)).toEqual(['2024-12-31']);
      const [contact = ''] = objects(q, ds, `${DCAT}contactPoint`);
      expect(objects(q, contact, 'http://www.w3.org/2006/vcard/ns#hasEmail')).toEqual([
        'mailto:surveilans@dinkes.example.go.id',
      ]);
      const dists = objects(q, ds, `${DCAT}distribution`);
      expect(dists).toHaveLength(2);
      const upload = dists.find((d) => objects(q, d, `${DCAT}byteSize`).length > 0) ?? '';
      expect(objects(q, upload, `${DCAT}byteSize`)).toEqual(['2048']);
      expect(objects(q, upload, `${DCT}format`)).toEqual([`${eu}file-type/CSV`]);
      expect(objects(q, upload, `${DCAT}mediaType`)).toEqual([
        'https://www.iana.org/assignments/media-types/text/csv',
      ]);
      expect(objects(q, upload, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
      const [sum = ''] = objects(q, upload, 'http://spdx.org/rdf/terms#checksum');
      expect(objects(q, sum, 'http://spdx.org/rdf/terms#checksumValue')).toEqual(['ab'.repeat(32)]);
      expect(objects(q, upload, `${DCAT}downloadURL`)[0]).toMatch(/\/download\/imunisasi\.csv$/);
    });

    it('filters the catalog with modified_since', async () => {
      const old = publicIds[1] ?? '';
      await f.t.database.db
        .updateTable('dataset')
        .set({ metadata_modified: new Date('2020-06-01T00:00:00Z') })
        .where('id', '=', old)
        .execute();
      const since = (d: string) => get(`/catalog.ttl?modified_since=${d}`);
      const recent = subjectsOfType(parseTurtle((await since('2021-01-01')).body), `${DCAT}Dataset`);
      expect(recent).toHaveLength(publicIds.length - 1);
      expect(recent).not.toContain(uri(old));
      expect(subjectsOfType(parseTurtle((await since('2020-06-01')).body), `${DCAT}Dataset`)).toContain(
        uri(old),
      );
      expect((await since('2021-13-45x')).statusCode).toBe(409);
    });
  });
}
