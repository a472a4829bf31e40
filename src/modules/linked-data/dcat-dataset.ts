import type { NamedNode } from 'n3';
import type { PackageDict } from '../catalog/index.js';
import { FREQUENCIES, type Frequency, findLicense } from '../catalog/index.js';
import { addStatisticalMetadata } from './dcat-metadata.js';
import { fileTypeUri, findFileFormat, mediaTypeUri } from './file-formats.js';
import { blank, date, dateTime, type Graph, iri, node, plain, text, typed } from './graph.js';
import { dcat, dct, EU_AUTHORITY, foaf, LOCAL_AUTHORITY, skos, spdx, vcard } from './vocab.js';

type ResourceDict = PackageDict['resources'][number];

/** What the mapping needs besides the package dict. */
export interface LinkedDataContext {
  /** Public base URL of the site, without a trailing slash. */
  siteUrl: string;
  /** Region code → display name ("Kabupaten Magetan"), for dct:spatial labels. */
  regionNames: ReadonlyMap<string, string>;
  /**
   * ckanext-dcat's profile: `euro_dcat_ap_3` (default) or `euro_dcat_ap_2`, whose 2.1.1 shapes
   * want dcat:byteSize as xsd:decimal and allow only the SHA-1 checksum algorithm.
   */
  profile?: DcatProfile;
}

export type DcatProfile = 'euro_dcat_ap_3' | 'euro_dcat_ap_2';

/** The dataset's URI, as ckanext-dcat builds it: `{site}/dataset/{id}`. */
export function datasetUri(siteUrl: string, dict: Pick<PackageDict, 'id'>): string {
  return `${siteUrl}/dataset/${dict.id}`;
}

/** The portal page of a dataset (dcat:landingPage). */
export function datasetPageUrl(siteUrl: string, dict: Pick<PackageDict, 'name'>): string {
  return `${siteUrl}/dataset/${encodeURIComponent(dict.name)}`;
}

/** A region as a dct:Location: `{site}/wilayah/{code}` with its name. */
export function addLocation(g: Graph, ctx: LinkedDataContext, code: string): NamedNode {
  const loc = node(`${ctx.siteUrl}/wilayah/${encodeURIComponent(code)}`);
  g.type(loc, dct('Location'));
  g.add(loc, dct('identifier'), plain(code));
  g.add(loc, skos('prefLabel'), text(ctx.regionNames.get(code) ?? code));
  return loc;
}

/** A government body as a foaf:Agent of ADMS type "local authority". */
export function addAgent(g: Graph, uri: string, name: string): NamedNode {
  const agent = node(uri);
  g.type(agent, foaf('Agent'), foaf('Organization'));
  g.add(agent, foaf('name'), text(name));
  const kind = node(LOCAL_AUTHORITY);
  g.add(agent, dct('type'), kind);
  g.type(kind, skos('Concept'));
  g.add(kind, skos('prefLabel'), text('Local Authority', 'en'));
  return agent;
}

/** An EU authority-table term (language, frequency, access right) typed as DCAT-AP's range. */
export function addAuthorityTerm(g: Graph, table: string, code: string, type: NamedNode): NamedNode {
  const term = node(`${EU_AUTHORITY}${table}/${code}`);
  g.type(term, type);
  return term;
}

/** `sha256:ab12…` (how we store hashes) → SPDX algorithm and hex value; null when unknown. */
export function parseChecksum(hash: string | null | undefined): { algorithm: string; value: string } | null {
  const m = /^(?:(sha1|sha256|sha512|md5):)?([0-9a-f]+)$/i.exec((hash ?? '').trim());
  if (!m?.[2]) return null;
  const lengths: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
  const algorithm = (m[1] ?? 'sha256').toLowerCase();
  return m[2].length === lengths[algorithm] ? { algorithm, value: m[2].toLowerCase() } : null;
}

function addChecksum(g: Graph, dist: NamedNode, hash: string | null | undefined, ap2: boolean): void {
  const sum = parseChecksum(hash);
  // DCAT-AP 2.1.1 (spdx:Checksum shape) has `sh:hasValue spdx:checksumAlgorithm_sha1`: any other
  // algorithm would be a violation, so AP 2 output leaves our SHA-256 out rather than mislabel it.
  if (!sum || (ap2 && sum.algorithm !== 'sha1')) return;
  const c = blank();
  g.add(dist, spdx('checksum'), c);
  g.type(c, spdx('Checksum'));
  const algorithm = spdx(`checksumAlgorithm_${sum.algorithm}`);
  g.add(c, spdx('algorithm'), algorithm);
  g.type(algorithm, spdx('ChecksumAlgorithm'));
  g.add(c, spdx('checksumValue'), typed(sum.value, 'hexBinary'));
}

function addLicense(g: Graph, subject: NamedNode, dict: PackageDict): void {
  const license = iri(findLicense(dict.license_id)?.url || dict.license_url);
  if (!license) return;
  g.add(subject, dct('license'), license);
  g.type(license, dct('LicenseDocument'));
  g.maybe(license, dct('title'), text(dict.license_title, 'en'));
}

/** One resource as a dcat:Distribution; DCAT-AP needs an access URL, so a bad link falls back to the page. */
function addDistribution(g: Graph, ctx: LinkedDataContext, dict: PackageDict, r: ResourceDict): NamedNode {
  const dist = node(`${datasetUri(ctx.siteUrl, dict)}/resource/${r.id}`);
  const ap2 = ctx.profile === 'euro_dcat_ap_2';
  g.type(dist, dcat('Distribution'));
  g.add(dist, dct('title'), text(r.name || r.format || dict.title));
  g.maybe(dist, dct('description'), text(r.description ?? ''));
  const url = iri(r.url);
  g.add(dist, dcat('accessURL'), url ?? node(datasetPageUrl(ctx.siteUrl, dict)));
  g.maybe(dist, dcat('downloadURL'), url);
  const format = findFileFormat(r.format);
  if (format) {
    const ft = node(fileTypeUri(format));
    g.add(dist, dct('format'), ft);
    g.type(ft, dct('MediaTypeOrExtent'));
  }
  const media = mediaTypeUri(r.mimetype || format?.mediaType);
  if (media) {
    g.add(dist, dcat('mediaType'), node(media));
    g.type(node(media), dct('MediaType'));
  }
  if (typeof r.size === 'number' && Number.isInteger(r.size) && r.size >= 0)
    g.add(dist, dcat('byteSize'), typed(r.size, ap2 ? 'decimal' : 'nonNegativeInteger'));
  addChecksum(g, dist, r.hash, ap2);
  addLicense(g, dist, dict);
  g.maybe(dist, dct('issued'), dateTime(r.created));
  g.maybe(dist, dct('modified'), dateTime(r.last_modified || r.metadata_modified));
  return dist;
}

function addContactPoint(g: Graph, ds: NamedNode, dict: PackageDict): void {
  const c = blank();
  g.add(ds, dcat('contactPoint'), c);
  g.type(c, vcard('Organization'), vcard('Kind'));
  g.add(c, vcard('fn'), text(dict.maintainer || dict.author || dict.organization.title));
  const email = dict.maintainer_email || dict.author_email;
  g.maybe(c, vcard('hasEmail'), email ? iri(`mailto:${email}`) : null);
}

function addThemes(g: Graph, ctx: LinkedDataContext, ds: NamedNode, dict: PackageDict): void {
  const scheme = node(`${ctx.siteUrl}/group`);
  for (const group of dict.groups) {
    const concept = node(`${ctx.siteUrl}/group/${encodeURIComponent(group.name)}`);
    g.add(ds, dcat('theme'), concept);
    g.type(concept, skos('Concept'));
    g.add(concept, skos('prefLabel'), text(group.title || group.name));
    g.add(concept, skos('inScheme'), scheme);
  }
  if (dict.groups.length > 0) {
    g.type(scheme, skos('ConceptScheme'));
    g.add(scheme, dct('title'), text('Topik data'));
    g.add(scheme, dct('title'), text('Data topics', 'en'));
  }
}

function addCoverage(g: Graph, ctx: LinkedDataContext, ds: NamedNode, dict: PackageDict): void {
  const frequency = FREQUENCIES[dict.update_frequency as Frequency];
  if (frequency)
    g.add(
      ds,
      dct('accrualPeriodicity'),
      addAuthorityTerm(g, 'frequency', frequency.euCode, dct('Frequency')),
    );
  const start = date(dict.temporal_start);
  const end = date(dict.temporal_end);
  if (start || end) {
    const period = blank();
    g.add(ds, dct('temporal'), period);
    g.type(period, dct('PeriodOfTime'));
    g.maybe(period, dcat('startDate'), start);
    g.maybe(period, dcat('endDate'), end);
  }
  for (const code of dict.spatial ?? []) g.add(ds, dct('spatial'), addLocation(g, ctx, code));
}

/**
 * Describe one dataset in DCAT-AP 3 (ckanext-dcat's `euro_dcat_ap_3` profile, fitted to our
 * fields) and return its node. DCAT-AP requires a description, so an empty one repeats the title.
 */
export function addDataset(g: Graph, ctx: LinkedDataContext, dict: PackageDict): NamedNode {
  const ds = node(datasetUri(ctx.siteUrl, dict));
  g.type(ds, dcat('Dataset'));
  g.add(ds, dct('identifier'), plain(dict.id));
  g.add(ds, dct('title'), text(dict.title));
  g.add(ds, dct('description'), text(dict.notes?.trim() || dict.title));
  for (const tag of dict.tags) g.add(ds, dcat('keyword'), text(tag.name));
  addThemes(g, ctx, ds, dict);
  const org = dict.organization;
  g.add(
    ds,
    dct('publisher'),
    addAgent(g, `${ctx.siteUrl}/organization/${encodeURIComponent(org.name)}`, org.title),
  );
  addContactPoint(g, ds, dict);
  g.maybe(ds, dct('issued'), dateTime(dict.metadata_created));
  g.maybe(ds, dct('modified'), dateTime(dict.metadata_modified));
  addCoverage(g, ctx, ds, dict);
  addStatisticalMetadata(g, ctx, ds, dict);
  const page = node(datasetPageUrl(ctx.siteUrl, dict));
  g.add(ds, dcat('landingPage'), page);
  g.type(page, foaf('Document'));
  const source = iri(dict.url);
  if (source) {
    g.add(ds, foaf('page'), source);
    g.type(source, foaf('Document'));
  }
  g.add(ds, dct('language'), addAuthorityTerm(g, 'language', 'IND', dct('LinguisticSystem')));
  const access = dict.private ? 'NON_PUBLIC' : 'PUBLIC';
  g.add(ds, dct('accessRights'), addAuthorityTerm(g, 'access-right', access, dct('RightsStatement')));
  g.maybe(ds, dcat('version'), plain(dict.version));
  for (const r of dict.resources) g.add(ds, dcat('distribution'), addDistribution(g, ctx, dict, r));
  return ds;
}
