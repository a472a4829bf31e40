/** Types for graphy's RDF/XML writer, which ships none: a transform from RDF/JS quads to text. */
declare module '@graphy/content.xml.scribe' {
  import type { Transform } from 'node:stream';

  interface XmlScribeConfig {
    /** prefix → namespace IRI; every predicate must fall under one of them. */
    prefixes?: Record<string, string>;
  }

  export default function xmlScribe(config?: XmlScribeConfig): Transform;
}
