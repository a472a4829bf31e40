import {
  type BlankNode,
  DataFactory,
  type Literal,
  type NamedNode,
  type Quad,
  type Quad_Object,
  type Quad_Subject,
  Store,
} from 'n3';
import { rdf, xsd } from './vocab.js';

const { blankNode, literal, namedNode, quad } = DataFactory;

/**
 * An RDF graph under construction. Backed by an N3 store, so a node several datasets share
 * (an agency, a topic, a region) is described once however often it is added.
 */
export class Graph {
  private readonly store = new Store();

  add(s: Quad_Subject, p: NamedNode, o: Quad_Object): void {
    this.store.addQuad(quad(s, p, o));
  }

  /** `s rdf:type t` for each type. */
  type(s: Quad_Subject, ...types: NamedNode[]): void {
    for (const t of types) this.add(s, rdf('type'), t);
  }

  /** Add only when there is a value: blank strings and nulls are left out, as CKAN does. */
  maybe(s: Quad_Subject, p: NamedNode, o: Quad_Object | null | undefined): void {
    if (o && !(o.termType === 'Literal' && o.value.trim() === '')) this.add(s, p, o);
  }

  /** Every triple, grouped by subject in the order subjects were first added. */
  quads(): Quad[] {
    return this.store.getQuads(null, null, null, null);
  }
}

/** A named node, or null when `value` is not an absolute http(s)/mailto IRI. */
export function iri(value: string | null | undefined): NamedNode | null {
  if (!value) return null;
  try {
    const u = new URL(value.trim());
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? namedNode(u.href) : null;
  } catch {
    return null;
  }
}

/** A named node for an IRI this code built itself (site URLs, vocabulary terms). */
export function node(value: string): NamedNode {
  return namedNode(value);
}

export function blank(): BlankNode {
  return blankNode();
}

/** A text literal; our metadata is written in Bahasa Indonesia unless said otherwise. */
export function text(value: string, lang = 'id'): Literal {
  return literal(value, lang);
}

/** A plain string literal (identifiers, codes, URLs as text). */
export function plain(value: string): Literal {
  return literal(value);
}

export function typed(value: string | number, datatype: string): Literal {
  return literal(String(value), xsd(datatype));
}

/**
 * CKAN timestamps are naive UTC (`2024-05-01T10:00:00.123`); as xsd:dateTime they get their
 * `Z` back so readers do not take them for local time.
 */
export function dateTime(ckanTimestamp: string | null | undefined): Literal | null {
  if (!ckanTimestamp) return null;
  const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(ckanTimestamp) ? ckanTimestamp : `${ckanTimestamp}Z`);
  return Number.isNaN(d.getTime()) ? null : typed(d.toISOString(), 'dateTime');
}

/** A calendar date (`YYYY-MM-DD`) as xsd:date, or null when it is not one. */
export function date(value: string | null | undefined): Literal | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? typed(value, 'date') : null;
}
