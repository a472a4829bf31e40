import type { readFacetNameOrders } from './public-search-index.repository.js';

/**
 * What the public search index holds per public dataset, by its position (0..size-1) in id
 * order, and the names its facets count, each list in the database's collation order.
 */

export type FacetNameOrders = Awaited<ReturnType<typeof readFacetNameOrders>>;

/** A list of values per dataset, compressed: dataset d's are `ids[start[d]..start[d+1])`. */
export interface PerDoc {
  start: Int32Array;
  ids: Int32Array;
}

export interface NameOrder {
  /** Names in the database's collation order: a name's position is the rank ties are broken by. */
  names: string[];
  index: Map<string, number>;
}

/** One word's posting list: the datasets holding it, in order, and its positions in each. */
export interface Postings {
  docs: Int32Array;
  /** Where each dataset's positions start in `pos` (one more entry than docs). */
  starts: Int32Array;
  /** PostgreSQL's WordEntryPos: weight in the top two bits, position in the low fourteen. */
  pos: Uint16Array;
}

export interface IndexColumns {
  size: number;
  ids: string[];
  names: string[];
  /** Position in `agencies`, or -1. */
  agency: Int32Array;
  /** Rank in `licenseOrder`. */
  license: Int32Array;
  /** Microseconds since the epoch. */
  modified: Float64Array;
  created: Float64Array;
  tags: PerDoc;
  topics: PerDoc;
  formats: PerDoc;
  agencies: FacetNameOrders['agencies'];
  topicList: FacetNameOrders['topics'];
  topicIndex: Map<string, number>;
  tagOrder: NameOrder;
  formatOrder: NameOrder;
  licenseOrder: NameOrder;
  lexemes: Map<string, Postings>;
}
