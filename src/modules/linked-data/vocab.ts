import { DataFactory, type NamedNode } from 'n3';

const { namedNode } = DataFactory;

/**
 * Namespace prefixes of the DCAT-AP 3 output. One map serves every serializer (Turtle prefixes,
 * the JSON-LD context, RDF/XML namespaces), so a term is spelled the same way in all three.
 */
export const PREFIXES = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
export type Prefix = keyof typeof PREFIXES;

/** `ns('dcat')('Dataset')` → the named node dcat:Dataset. */
function ns(prefix: Prefix) {
  return (local: string): NamedNode => namedNode(PREFIXES[prefix] + local);
}

export const adms = ns('adms');
export const dcat = ns('dcat');
export const dct = ns('dct');
export const foaf = ns('foaf');
export const hydra = ns('hydra');
export const prov = ns('prov');
export const rdf = ns('rdf');
export const skos = ns('skos');
export const spdx = ns('spdx');
export const vcard = ns('vcard');
export const xsd = ns('xsd');

/** EU Publications Office authority tables (the controlled vocabularies DCAT-AP names). */
export const EU_AUTHORITY = 'http://publications.europa.eu/resource/authority/';
/** IANA media types as URIs, as DCAT-AP 3 recommends for dcat:mediaType. */
export const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';
/** ADMS publisher types: every agency of a regional government is a local authority. */
export const LOCAL_AUTHORITY = 'http://purl.org/adms/publishertype/LocalAuthority';
