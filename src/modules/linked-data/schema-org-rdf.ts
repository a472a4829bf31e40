/**
 * ckanext-dcat's `schemaorg` profile as RDF: the schema.org Dataset descriptions (schema-org.ts)
 * turned into triples, so every serialization of /catalog and /dataset/{id} can carry them.
 * schema.org's context is remote; its vocabulary is all it supplies here, so it is given inline.
 */
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';

const CONTEXT = { '@vocab': 'https://schema.org/' };

export async function schemaOrgQuads(docs: Record<string, unknown>[]): Promise<Quad[]> {
  const graph = docs.map(({ '@context': _ctx, ...doc }) => doc);
  const nquads = (await jsonld.toRDF({ '@context': CONTEXT, '@graph': graph } as never, {
    format: 'application/n-quads',
  })) as unknown as string;
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}
