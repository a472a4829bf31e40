import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { Parser, type Quad, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeAction } from '../../src/kernel/actions/action.js';
import type { ActionContext } from '../../src/kernel/actions/context.js';
import { packageCreate } from '../../src/modules/catalog/actions/package-create.js';
import type { PackageDict } from '../../src/modules/catalog/package.presenter.js';
import { insertTopic } from '../../src/modules/catalog/topic.repository.js';
import { resourceCreate } from '../../src/modules/datastore/actions/resource-write.js';
import { datasetSchemaOrg } from '../../src/modules/linked-data/schema-org.js';
import { buildAgency, buildUser, TEST_PASSWORD } from '../factories/index.js';
import { createTestApp, login, type TestApp } from '../support/test-app.js';
import { DIALECTS } from '../support/test-database.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const SH = 'http://www.w3.org/ns/shacl#';
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DCAT_AP_3 = path.resolve(REPO, '../shared/standards/dcat-ap/3.0.1');
/**
 * The DCAT-AP 3.0.1 shape files we must pass: the hand-written mandatory, recommended and range
 * shapes, the generated full set with its ranges, and the deprecated-URI checks.
 * mdr-vocabularies needs the EU vocabularies loaded and rejects non-EU themes: not used.
 */
const DCAT_AP_3_SHAPES = [
  'shapes.ttl',
  'shapes_recommended.ttl',
  'range.ttl',
  'dcat-ap-SHACL.ttl',
  'ranges.ttl',
  'deprecateduris.ttl',
];

const uniq = () => randomBytes(4).toString('hex');

function parseTurtle(body: string): Quad[] {
  return new Parser().parse(body);
}

async function parseJsonLd(body: string): Promise<Quad[]> {
  const nquads = await jsonld.toRDF(JSON.parse(body), { format: 'application/n-quads' });
  return new Parser({ format: 'N-Quads' }).parse(nquads as string);
}

function parseRdfXml(body: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  const parser = new RdfXmlParser();
  return new Promise((resolve, reject) => {
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(body);
    parser.end();
  });
}

const PARSERS = { ttl: parseTurtle, jsonld: parseJsonLd, rdf: parseRdfXml } as const;

/** Subjects typed `type`, as a sorted list of IRIs. */
function subjectsOfType(quads: Quad[], type: string): string[] {
  const s = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type);
  return [...new Set(s.map((q) => q.subject.value))].sort();
}

function objects(quads: Quad[], subject: string, predicate: string): string[] {
  return quads
    .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
    .map((q) => q.object.value);
}

/** SHACL validation; returns the results as (severity, message, focus, path) rows. */
async function validate(shapes: Quad[], data: Quad[]) {
  // owl:imports name the vocabularies the shapes reuse; they are not needed to check our data.
  const report = await new SHACLValidator(new Store(shapes), { importGraph: () => new Store() }).validate(
    new Store(data),
  );
  return report.results.map((r) => ({
    severity: r.severity?.value.replace(SH, 'sh:') ?? '',
    message: r.message.map((m) => m.value).join('; '),
    focus: r.focusNode?.value,
    path: r.path?.value,
  }));
}

/**
 * Our own minimum, so the SHACL test never passes vacuously: every dataset has a title, a
 * description and at least one distribution with an access URL.
 */
const BUILT_IN_SHAPE = `
@prefix sh: <${SH}> . @prefix dcat: <${DCAT}> . @prefix dct: <${DCT}> .
[] a sh:NodeShape ; sh:targetClass dcat:Dataset ;
  sh:property [ sh:path dct:title ; sh:minCount 1 ] , [ sh:path dct:description ; sh:minCount 1 ] ,
    [ sh:path dcat:distribution ; sh:minCount 1 ;
      sh:node [ sh:property [ sh:path dcat:accessURL ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ] ] .`;

interface Fixture {
  t: TestApp;
  ctx: ActionContext;
  agencyCode: string;
}

async function setUp(kind: (typeof DIALECTS)[number]): Promise<Fixture> {
  const t = await createTestApp(kind);
  const agency = await buildAgency(t.database, { name: 'Dinas Kesehatan' });
  const { actor } = await buildUser(t.database, { roles: ['custodian'] });
  const ctx = { db: t.database.db, actor, requestId: null, ip: null, siteUrl: t.config.siteUrl };
  return { t, ctx, agencyCode: agency.code };
}

async function createDataset(f: Fixture, fields: Record<string, unknown> = {}): Promise<PackageDict> {
  const name = `data-${uniq()}`;
  const input = { name, title: `Data ${name}`, owner_org: f.agencyCode, private: false, ...fields };
  return executeAction(f.ctx, packageCreate, {
    resources: [{ name: 'Tabel', format: 'CSV', url: `https://data.example.go.id/${name}.csv` }],
    ...input,
  }) as Promise<PackageDict>;
}

for (const kind of DIALECTS) {
  describe(`linked data (DCAT-AP 3) on ${kind}`, () => {
    let f: Fixture;
    let rich: PackageDict;
    const publicIds: string[] = [];
    let hidden: PackageDict[];
    beforeAll(async () => {
      f = await setUp(kind);
      await insertTopic(f.t.database.db, { name: 'kesehatan', title: 'Kesehatan' });
      rich = await createDataset(f, {
        title: 'Cakupan Imunisasi Dasar Lengkap',
        notes: 'Persentase bayi usia 0-11 bulan yang mendapat imunisasi dasar lengkap per kecamatan.',
        tags: ['imunisasi', 'kesehatan anak'],
        groups: ['kesehatan'],
        maintainer: 'Seksi Surveilans',
        maintainer_email: 'surveilans@dinkes.example.go.id',
        update_frequency: 'annual',
        temporal_start: '2024-01-01',
        temporal_end: '2024-12-31',
        spatial: ['35.20', '35.20.01'],
      });
      const upload = {
        key: `resources/${randomUUID()}/imunisasi.csv`,
        size: 2048,
        hash: `sha256:${'ab'.repeat(32)}`,
        fileName: 'imunisasi.csv',
        mimetype: 'text/csv',
      };
      await executeAction(f.ctx, resourceCreate, { package_id: rich.id, name: 'Unggahan', upload });
      publicIds.push(rich.id, (await createDataset(f)).id, (await createDataset(f, { notes: '' })).id);
      hidden = [
        await createDataset(f, { title: 'Rahasia Pribadi', private: true }),
        await createDataset(f, { title: 'Konsep Draf', state: 'draft' }),
      ];
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
