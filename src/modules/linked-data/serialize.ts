import xmlScribe from '@graphy/content.xml.scribe';
import jsonld from 'jsonld';
import { type Quad, Writer } from 'n3';
import { PREFIXES } from './vocab.js';

/** The serializations ckanext-dcat offers, by URL extension, with their media types. */
export const RDF_FORMATS = {
  ttl: 'text/turtle',
  n3: 'text/n3',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
  xml: 'application/rdf+xml',
} as const;
export type RdfFormat = keyof typeof RDF_FORMATS;

export function isRdfFormat(ext: string): ext is RdfFormat {
  return Object.hasOwn(RDF_FORMATS, ext);
}

function writeTurtle(quads: Quad[]): Promise<string> {
  const writer = new Writer({ format: 'Turtle', prefixes: PREFIXES });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => {
    writer.end((err, out: string) => (err ? reject(err) : resolve(out)));
  });
}

/**
 * JSON-LD compacted against our prefixes (`dcat:Dataset`, `dct:title`), as ckanext-dcat's
 * rdflib `auto_compact` writes it. The context is inline, so nothing is fetched. jsonld.js
 * takes RDF/JS quads as they are: going through N-Quads text cost ~25× more for 100 datasets.
 */
async function writeJsonLd(quads: Quad[]): Promise<string> {
  const expanded = await jsonld.fromRDF(quads);
  const compacted = await jsonld.compact(expanded, { ...PREFIXES }, { skipExpansion: true });
  return JSON.stringify(compacted, null, 2);
}

function writeRdfXml(quads: Quad[]): Promise<string> {
  const scribe = xmlScribe({ prefixes: { ...PREFIXES } });
  const chunks: string[] = [];
  return new Promise((resolve, reject) => {
    scribe.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
    scribe.on('error', reject);
    scribe.on('end', () => resolve(chunks.join('')));
    for (const q of quads) scribe.write(q);
    scribe.end();
  });
}

/** Serialize triples as Turtle (`ttl`, `n3`), JSON-LD (`jsonld`) or RDF/XML (`rdf`, `xml`). */
export function serializeRdf(quads: Quad[], format: RdfFormat): Promise<string> {
  switch (format) {
    case 'ttl':
    case 'n3':
      return writeTurtle(quads);
    case 'jsonld':
      return writeJsonLd(quads);
    case 'rdf':
    case 'xml':
      return writeRdfXml(quads);
  }
}
