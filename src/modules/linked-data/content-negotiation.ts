/**
 * Content negotiation on `Accept`, as ckanext-dcat offers it for `/catalog` and
 * `/dataset/{name}`: the RDF serialization the client prefers over HTML, if any.
 */
import { RDF_FORMATS, type RdfFormat } from './serialize.js';

const BY_MEDIA_TYPE: Record<string, RdfFormat> = {
  'text/turtle': 'ttl',
  'text/n3': 'n3',
  'application/ld+json': 'jsonld',
  'application/rdf+xml': 'rdf',
};

/** The RDF format an `Accept` header asks for before HTML; undefined when HTML (or nothing) wins. */
export function rdfFormatFromAccept(accept: string | undefined): RdfFormat | undefined {
  if (!accept) return undefined;
  let best: { format: RdfFormat | undefined; q: number } = { format: undefined, q: 0 };
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= best.q) continue;
    const format = BY_MEDIA_TYPE[type.trim()];
    if (format || type.trim() === 'text/html' || type.trim() === 'application/xhtml+xml')
      best = { format, q };
  }
  return best.format;
}

export { RDF_FORMATS };
