import type { FacetItem, SearchRequest, SearchResult } from '../dataset-search.repository.js';
import type { FacetField } from '../domain/search-facets.js';
import type { Clause, SortTerm } from '../domain/search-query.js';
import type { IndexedRow, readFacetNameOrders } from './public-search-index.repository.js';
import { prepareRank } from './ts-rank.js';
import { matches, queryOperands, type TsQuery } from './tsquery.js';
import { parseTsvector } from './tsvector.js';

/**
 * The public catalog as an in-memory search index (issue #21): each public dataset's stored
 * tsvector as posting lists, and the columns package_search filters, sorts and facets by as
 * typed arrays. A search over it does in microseconds what the search statement does in
 * milliseconds of server time (a bitmap heap scan visiting one page per hit, ranking, and hash
 * aggregates per facet), and gives the same answer: the same matches (PostgreSQL's own tsquery
 * and tsvector, evaluated as TS_execute), the same ts_rank to the bit, and ties broken by the
 * database's collation order of the facet names. The lifecycle (built per catalog stamps, read
 * only while they hold) is in public-search.ts; this file is the data and the search.
 */

const EMPTY_DOC: ReadonlyMap<string, Uint16Array> = new Map();

interface Postings {
  docs: Int32Array;
  /** Where each doc's positions start in `pos` (one more entry than docs). */
  starts: Int32Array;
  pos: Uint16Array;
}

/** Growable posting list used while the index is read. */
interface PostingsBuilder {
  docs: number[];
  starts: number[];
  pos: number[];
}

/** A list of ids per doc, compressed: doc d's ids are `ids[start[d]..start[d+1])`. */
interface PerDoc {
  start: Int32Array;
  ids: Int32Array;
}

interface NameOrder {
  /** Names in the database's collation order: the index is the rank ties are broken by. */
  names: string[];
  index: Map<string, number>;
}

const EMPTY_PER_DOC: PerDoc = { start: new Int32Array(1), ids: new Int32Array(0) };

function nameOrder(names: string[]): NameOrder {
  return { names, index: new Map(names.map((n, i) => [n, i])) };
}

/** A test of one doc; null where a clause is one the index does not answer (SQL does). */
type DocTest = (d: number) => boolean;

export type FacetNameOrders = Awaited<ReturnType<typeof readFacetNameOrders>>;

export class PublicSearchIndex {
  size = 0;
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  private agency = new Int32Array(0);
  private license = new Int32Array(0);
  private modified = new Float64Array(0);
  private created = new Float64Array(0);
  private tags: PerDoc = EMPTY_PER_DOC;
  private topics: PerDoc = EMPTY_PER_DOC;
  private formats: PerDoc = EMPTY_PER_DOC;
  private readonly lexemes = new Map<string, Postings>();
  private building: {
    agency: number[];
    license: number[];
    modified: number[];
    created: number[];
    tags: number[][];
    topics: number[][];
    formats: number[][];
    lexemes: Map<string, PostingsBuilder>;
  } | null = {
    agency: [],
    license: [],
    modified: [],
    created: [],
    tags: [],
    topics: [],
    formats: [],
    lexemes: new Map(),
  };
  private readonly agencies: FacetNameOrders['agencies'];
  private readonly agencyIndex: Map<string, number>;
  private readonly topicList: FacetNameOrders['topics'];
  private readonly topicIndex: Map<string, number>;
  private readonly tagOrder: NameOrder;
  private readonly formatOrder: NameOrder;
  private readonly licenseOrder: NameOrder;

  /**
   * An empty index to fill with `add` (a page of rows at a time, so a large catalog is read
   * without blocking the event loop for long) and close with `finish`.
   */
  constructor(
    readonly stamps: string,
    orders: FacetNameOrders,
  ) {
    this.agencies = orders.agencies;
    this.agencyIndex = new Map(orders.agencies.map((a, i) => [a.id, i]));
    this.topicList = orders.topics;
    this.topicIndex = new Map(orders.topics.map((t, i) => [t.name, i]));
    this.tagOrder = nameOrder([...orders.tags]);
    this.formatOrder = nameOrder([...orders.formats]);
    this.licenseOrder = nameOrder([...orders.licenses]);
  }

  /** Add public datasets (every one once). */
  add(rows: IndexedRow[]): void {
    const b = this.building;
    if (!b) throw new Error('the search index is finished');
    for (const row of rows) {
      const d = this.ids.length;
      this.ids.push(row.id);
      this.names.push(row.name);
      b.agency.push(this.agencyIndex.get(row.agency_id) ?? -1);
      b.license.push(rankOf(this.licenseOrder, row.license_id));
      b.modified.push(row.modified);
      b.created.push(row.created);
      b.tags.push(row.tag_names.map((t) => rankOf(this.tagOrder, t)));
      b.topics.push(row.topic_names.flatMap((t) => this.topicIndex.get(t) ?? []));
      b.formats.push(row.res_formats.map((f) => rankOf(this.formatOrder, f)));
      for (const [lexeme, positions] of parseTsvector(row.search)) {
        let p = b.lexemes.get(lexeme);
        if (!p) {
          p = { docs: [], starts: [0], pos: [] };
          b.lexemes.set(lexeme, p);
        }
        p.docs.push(d);
        for (const x of positions) p.pos.push(x);
        p.starts.push(p.pos.length);
      }
    }
  }

  /** Compact what was added into typed arrays; the index answers searches from then on. */
  finish(): this {
    const b = this.building;
    if (!b) return this;
    this.size = this.ids.length;
    this.agency = Int32Array.from(b.agency);
    this.license = Int32Array.from(b.license);
    this.modified = Float64Array.from(b.modified);
    this.created = Float64Array.from(b.created);
    this.tags = perDoc(b.tags);
    this.topics = perDoc(b.topics);
    this.formats = perDoc(b.formats);
    for (const [lexeme, p] of b.lexemes)
      this.lexemes.set(lexeme, {
        docs: Int32Array.from(p.docs),
        starts: Int32Array.from(p.starts),
        pos: Uint16Array.from(p.pos),
      });
    this.building = null;
    return this;
  }

  /**
   * The search, or null when the request asks for something only SQL answers (a clause on
   * titles, text or dates; a sort by name, title or views).
   */
  search(req: SearchRequest, query: TsQuery | null): SearchResult | null {
    if (this.building) throw new Error('the search index is not finished');
    const tests: DocTest[] = [];
    for (const c of req.clauses) {
      const t = this.clauseTest(c);
      if (!t) return null;
      tests.push(t);
    }
    const terms = req.sort.filter((t) => t.key !== 'score' || req.text);
    if (!terms.every((t) => SORTABLE.has(t.key))) return null;

    const hits: number[] = [];
    const scores: number[] = [];
    const passes =
      tests.length === 0
        ? () => true
        : (d: number) => {
            for (const t of tests) if (!t(d)) return false;
            return true;
          };
    if (query) {
      const rank = prepareRank(query);
      this.eachCandidate(query, passes, (d, doc) => {
        if (!matches(query, doc)) return;
        hits.push(d);
        scores.push(rank(doc));
      });
    } else
      for (let d = 0; d < this.size; d++)
        if (passes(d)) {
          hits.push(d);
          scores.push(0);
        }

    // Sorted and paged by position in `hits`, so each key reads its own array.
    const ids =
      req.rows > 0
        ? this.page(hits.length, this.comparator(terms, hits, scores), req.start, req.rows).map(
            (i) => this.ids[hits[i] as number] as string,
          )
        : [];
    const facets: SearchResult['facets'] = {};
    const limit = req.facetLimit < 0 ? 10_000 : req.facetLimit;
    for (const f of req.facetFields) facets[f] = this.facet(f, hits, Math.max(1, req.facetMinCount), limit);
    return { count: hits.length, ids, facets };
  }

  /**
   * Each dataset that may match, in order, with its positions of the query's words: the posting
   * lists merged (every dataset when the query matches one without any of its words, as
   * `-kota`). One map is reused for every dataset: a search allocates nothing per candidate but
   * the position views.
   */
  private eachCandidate(
    query: TsQuery,
    passes: (d: number) => boolean,
    visit: (d: number, doc: ReadonlyMap<string, Uint16Array>) => void,
  ): void {
    const words = [...new Set(queryOperands(query).map((o) => o.lexeme))];
    const lists = words.map((w) => this.lexemes.get(w));
    const at = new Int32Array(words.length);
    const doc = new Map<string, Uint16Array>();
    const everyDataset = matches(query, EMPTY_DOC);
    if (lists.length === 1 && !everyDataset) {
      // One word (most searches): its posting list is the candidates.
      const l = lists[0];
      const word = words[0] as string;
      if (l)
        for (let k = 0; k < l.docs.length; k++) {
          const d = l.docs[k] as number;
          if (!passes(d)) continue;
          doc.set(word, l.pos.subarray(l.starts[k], l.starts[k + 1]));
          visit(d, doc);
        }
      return;
    }
    const next = (after: number) => {
      if (everyDataset) return after + 1;
      let min = this.size;
      for (let j = 0; j < lists.length; j++) {
        const l = lists[j];
        if (l && (at[j] as number) < l.docs.length) min = Math.min(min, l.docs[at[j] as number] as number);
      }
      return min;
    };
    for (let d = next(-1); d < this.size; d = next(d)) {
      doc.clear();
      for (let j = 0; j < lists.length; j++) {
        const l = lists[j];
        const k = at[j] as number;
        if (!l || k >= l.docs.length || l.docs[k] !== d) continue;
        doc.set(words[j] as string, l.pos.subarray(l.starts[k], l.starts[k + 1]));
        at[j] = k + 1;
      }
      if (passes(d)) visit(d, doc);
    }
  }

  /** The statement's ORDER BY over positions in `hits`: the asked terms, then the id (uuid order is its hex text's). */
  private comparator(terms: SortTerm[], hits: number[], scores: number[]) {
    const idOf = (i: number) => this.ids[hits[i] as number] as string;
    const keys = terms.map((t) => {
      const sign = t.dir === 'desc' ? -1 : 1;
      switch (t.key) {
        case 'score':
          return (a: number, b: number) => sign * ((scores[a] as number) - (scores[b] as number));
        case 'metadata_modified':
          return (a: number, b: number) =>
            sign *
            ((this.modified[hits[a] as number] as number) - (this.modified[hits[b] as number] as number));
        case 'metadata_created':
          return (a: number, b: number) =>
            sign *
            ((this.created[hits[a] as number] as number) - (this.created[hits[b] as number] as number));
        default:
          return (a: number, b: number) => sign * compareText(idOf(a), idOf(b));
      }
    });
    return (a: number, b: number) => {
      for (const k of keys) {
        const c = k(a, b);
        if (c !== 0) return c;
      }
      return compareText(idOf(a), idOf(b));
    };
  }

  /** Rows `start..start+rows` of the hits in order: a bounded insertion when the page is near the top. */
  private page(n: number, cmp: (a: number, b: number) => number, start: number, rows: number): number[] {
    const k = start + rows;
    if (start >= n) return [];
    if (k > 256 || k * 4 > n)
      return Array.from({ length: n }, (_, i) => i)
        .sort(cmp)
        .slice(start, k);
    const top: number[] = [];
    for (let d = 0; d < n; d++) {
      if (top.length === k && cmp(d, top[k - 1] as number) >= 0) continue;
      let i = top.length;
      while (i > 0 && cmp(d, top[i - 1] as number) < 0) i--;
      top.splice(i, 0, d);
      if (top.length > k) top.pop();
    }
    return top.slice(start, k);
  }

  private facet(field: FacetField, hits: number[], minCount: number, limit: number): FacetItem[] {
    const counts = this.facetCounts(field, hits);
    const found: number[] = [];
    for (let v = 0; v < counts.length; v++) if ((counts[v] as number) >= minCount) found.push(v);
    // Count descending, then the name's (or the display name's) collation rank, as the SQL.
    found.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
    return found.slice(0, limit).map((v) => ({ ...this.facetName(field, v), count: counts[v] as number }));
  }

  /** How many hits hold each value of the facet (plain loops: this runs for every hit). */
  private facetCounts(field: FacetField, hits: number[]): Int32Array {
    if (field === 'organization' || field === 'license_id') {
      const [values, size] =
        field === 'organization'
          ? [this.agency, this.agencies.length]
          : [this.license, this.licenseOrder.names.length];
      const counts = new Int32Array(size);
      for (const d of hits) {
        const v = values[d] as number;
        if (v >= 0) counts[v] = (counts[v] as number) + 1;
      }
      return counts;
    }
    const [per, size] =
      field === 'groups'
        ? [this.topics, this.topicList.length]
        : field === 'tags'
          ? [this.tags, this.tagOrder.names.length]
          : [this.formats, this.formatOrder.names.length];
    const counts = new Int32Array(size);
    const { start, ids } = per;
    for (const d of hits)
      for (let i = start[d] as number; i < (start[d + 1] as number); i++) {
        const v = ids[i] as number;
        counts[v] = (counts[v] as number) + 1;
      }
    return counts;
  }

  private facetName(field: FacetField, v: number): { name: string; display_name: string } {
    switch (field) {
      case 'organization': {
        const a = this.agencies[v] as { code: string; name: string };
        return { name: a.code, display_name: a.name };
      }
      case 'groups': {
        const t = this.topicList[v] as { name: string; title: string };
        return { name: t.name, display_name: t.title };
      }
      case 'tags':
        return same(this.tagOrder.names[v] as string);
      case 'res_format':
        return same(this.formatOrder.names[v] as string);
      case 'license_id':
        return same(this.licenseOrder.names[v] as string);
    }
  }

  /** One parsed fq/q clause as a test on a doc, exactly as dataset-search-where.repository.ts. */
  private clauseTest(c: Clause): DocTest | null {
    let test: DocTest | null;
    if (c.kind === 'range') return null;
    if (c.kind === 'any') {
      const subs = c.clauses.map((s) => this.clauseTest(s));
      if (subs.some((s) => !s)) return null;
      const all = subs as DocTest[];
      test = (d) => all.some((s) => s(d));
    } else test = this.termTest(c);
    if (!test || !c.negate) return test;
    const positive = test;
    return (d) => !positive(d);
  }

  private termTest(c: Extract<Clause, { kind: 'term' }>): DocTest | null {
    const v = c.value;
    switch (c.field) {
      case 'organization':
      case 'owner_org': {
        const agencies = new Set(this.agencies.flatMap((a, i) => (a.code === v || a.id === v ? [i] : [])));
        return (d) => agencies.has(this.agency[d] as number);
      }
      case 'groups':
        return this.holds(this.topics, this.topicIndex.get(v));
      case 'tags':
        return this.holds(this.tags, this.tagOrder.index.get(v));
      case 'res_format':
        // SQL compares upper(resource.format) of active resources; the stored array holds those,
        // except empty formats. Non-ASCII case mapping is the database's: left to SQL.
        if (v === '' || !/^[\x20-\x7e]*$/.test(v)) return null;
        return this.holds(this.formats, this.formatOrder.index.get(v.toUpperCase()));
      case 'license_id': {
        const l = this.licenseOrder.index.get(v);
        return (d) => this.license[d] === l;
      }
      case 'name':
        return (d) => this.names[d] === v;
      case 'id':
        return (d) => this.ids[d] === v;
      case 'capacity':
        // Every indexed dataset is public.
        return () => v !== 'private';
      default:
        return null;
    }
  }

  private holds(per: PerDoc, value: number | undefined): DocTest {
    if (value === undefined) return () => false;
    return (d) => {
      for (let i = per.start[d] as number; i < (per.start[d + 1] as number); i++)
        if (per.ids[i] === value) return true;
      return false;
    };
  }
}

const SORTABLE = new Set<SortTerm['key']>(['score', 'id', 'metadata_modified', 'metadata_created']);

const same = (name: string) => ({ name, display_name: name });

/** Byte order of ASCII text (the uuids' hex): what `uuid` ordering is. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A name's collation rank; a name the orders did not hold (read after them) sorts last. */
function rankOf(order: NameOrder, name: string): number {
  let i = order.index.get(name);
  if (i === undefined) {
    i = order.names.length;
    order.names.push(name);
    order.index.set(name, i);
  }
  return i;
}

function perDoc(lists: number[][]): PerDoc {
  const start = new Int32Array(lists.length + 1);
  let n = 0;
  for (let d = 0; d < lists.length; d++) {
    start[d] = n;
    n += (lists[d] as number[]).length;
  }
  start[lists.length] = n;
  const ids = new Int32Array(n);
  let i = 0;
  for (const l of lists) for (const v of l) ids[i++] = v;
  return { start, ids };
}
