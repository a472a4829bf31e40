import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { Parser, type Quad, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { executeAction } from '../../src/kernel/actions/action.js';
import type { ActionContext } from '../../src/kernel/actions/context.js';
import type { DriverKind } from '../../src/kernel/db/database.js';
import { packageCreate } from '../../src/modules/catalog/actions/package-create.js';
import type { PackageDict } from '../../src/modules/catalog/package.presenter.js';
import { insertTopic } from '../../src/modules/catalog/topic.repository.js';
import { resourceCreate } from '../../src/modules/datastore/actions/resource-write.js';
import { buildAgency, buildUser } from '../factories/index.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * What the linked-data tests share: RDF parsers for the three serialisations, SHACL validation
 * against the DCAT-AP 3.0.1 shapes, and a small catalog (a richly described dataset with an
 * upload, two plain public ones, a private and a draft one).
 */

export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
export const DCAT = 'http://www.w3.org/ns/dcat#';
export const DCT = 'http://purl.org/dc/terms/';
export const HYDRA = 'http://www.w3.org/ns/hydra/core#';
export const SH = 'http://www.w3.org/ns/shacl#';
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DCAT_AP_3 = path.resolve(REPO, '../shared/standards/dcat-ap/3.0.1');
/**
 * The DCAT-AP 3.0.1 shape files we must pass: the hand-written mandatory, recommended and range
 * shapes, the generated full set with its ranges, and the deprecated-URI checks.
 * mdr-vocabularies needs the EU vocabularies loaded and rejects non-EU themes: not used.
 */
export const DCAT_AP_3_SHAPES = [
  'shapes.ttl',
  'shapes_recommended.ttl',
  'range.ttl',
  'dcat-ap-SHACL.ttl',
  'ranges.ttl',
  'deprecateduris.ttl',
];

export const uniq = () => randomBytes(4).toString('hex');

export function parseTurtle(body: string): Quad[] {
  return new Parser().parse(body);
}

export async function parseJsonLd(body: string): Promise<Quad[]> {
  const nquads = await jsonld.toRDF(JSON.parse(body), { format: 'application/n-quads' });
  return new Parser({ format: 'N-Quads' }).parse(nquads as string);
}

export function parseRdfXml(body: string): Promise<Quad[]> {
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

export const PARSERS = { ttl: parseTurtle, jsonld: parseJsonLd, rdf: parseRdfXml } as const;

/** Subjects typed `type`, as a sorted list of IRIs. */
export function subjectsOfType(quads: Quad[], type: string): string[] {
  const s = quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type);
  return [...new Set(s.map((q) => q.subject.value))].sort();
}

export function objects(quads: Quad[], subject: string, predicate: string): string[] {
  return quads
    .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
    .map((q) => q.object.value);
}

/** SHACL validation; returns the results as (severity, message, focus, path) rows. */
export async function validate(shapes: Quad[], data: Quad[]) {
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
export const BUILT_IN_SHAPE = `
@prefix sh: <${SH}> . @prefix dcat: <${DCAT}> . @prefix dct: <${DCT}> .
[] a sh:NodeShape ; sh:targetClass dcat:Dataset ;
  sh:property [ sh:path dct:title ; sh:minCount 1 ] , [ sh:path dct:description ; sh:minCount 1 ] ,
    [ sh:path dcat:distribution ; sh:minCount 1 ;
      sh:node [ sh:property [ sh:path dcat:accessURL ; sh:minCount 1 ; sh:nodeKind sh:IRI ] ] ] .`;

export interface Fixture {
  t: TestApp;
  ctx: ActionContext;
  agencyCode: string;
}

export async function setUp(kind: DriverKind): Promise<Fixture> {
  const t = await createTestApp(kind);
  const agency = await buildAgency(t.database, { name: 'Dinas Kesehatan' });
  const { actor } = await buildUser(t.database, { roles: ['custodian'] });
  const ctx = { db: t.database.db, actor, requestId: null, ip: null, siteUrl: t.config.siteUrl };
  return { t, ctx, agencyCode: agency.code };
}

export async function createDataset(f: Fixture, fields: Record<string, unknown> = {}): Promise<PackageDict> {
  const name = `data-${uniq()}`;
  const input = { name, title: `Data ${name}`, owner_org: f.agencyCode, private: false, ...fields };
  return executeAction(f.ctx, packageCreate, {
    resources: [{ name: 'Tabel', format: 'CSV', url: `https://data.example.go.id/${name}.csv` }],
    ...input,
  }) as Promise<PackageDict>;
}

export interface LinkedCatalog {
  f: Fixture;
  rich: PackageDict;
  publicIds: string[];
  hidden: PackageDict[];
}

/** A fresh app of `kind` holding the small catalog above. */
export async function setUpLinkedCatalog(kind: DriverKind): Promise<LinkedCatalog> {
  const publicIds: string[] = [];

  const f = await setUp(kind);
  await insertTopic(f.t.database.db, { name: 'kesehatan', title: 'Kesehatan' });
  const rich = await createDataset(f, {
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
  const hidden = [
    await createDataset(f, { title: 'Rahasia Pribadi', private: true }),
    await createDataset(f, { title: 'Konsep Draf', state: 'draft' }),
  ];
  return { f, rich, publicIds, hidden };
}
