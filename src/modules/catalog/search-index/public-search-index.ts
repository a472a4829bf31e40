import type { SearchRequest, SearchResult } from '../dataset-search.repository.js';
import type { SortTerm } from '../domain/search-query.js';
import { clauseTest, type DocTest } from './index-clauses.js';
import type { IndexColumns } from './index-columns.js';
import { facetItems } from './index-facets.js';
import { prepareRank } from './ts-rank.js';
import { matches, queryOperands, type TsQuery } from './tsquery.js';

/**
 * The public catalog as an in-memory search index (issue #21): each public dataset's stored
 * tsvector as posting lists, and the columns package_search filters, sorts and facets by as
 * typed arrays. A search over it does in microseconds what the search statement does in
 * milliseconds of server time (a bitmap heap scan visiting one page per hit, ranking, and hash
 * aggregates per facet), and gives the same answer: the same matches (PostgreSQL's own tsquery
 * and tsvector, evaluated as TS_execute), the same ts_rank to the bit, and ties broken by the
 * database's collation order of the facet names. The lifecycle (built per catalog stamps, read
 * only while they hold) is in public-search.ts, the build in index-build.ts; this file is the search.
 */

const EMPTY_DOC: ReadonlyMap<string, Uint16Array> = new Map();

export class PublicSearchIndex {
  readonly size: number;

  /** An index of `columns` (PublicSearchIndexBuilder makes them), for the catalog at `stamps`. */
  constructor(
    readonly stamps: string,
    private readonly x: IndexColumns,
  ) {
    this.size = x.size;
  }

  /**
   * The search, or null when the request asks for something only SQL answers (a clause on
   * titles, text or dates; a sort by name, title or views).
   */
  search(req: SearchRequest, query: TsQuery | null): SearchResult | null {
    const tests: DocTest[] = [];
    for (const c of req.clauses) {
      const t = clauseTest(this.x, c);
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
            (i) => this.x.ids[hits[i] as number] as string,
          )
        : [];
    const facets: SearchResult['facets'] = {};
    const limit = req.facetLimit < 0 ? 10_000 : req.facetLimit;
    for (const f of req.facetFields)
      facets[f] = facetItems(this.x, f, hits, Math.max(1, req.facetMinCount), limit);
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
    const lists = words.map((w) => this.x.lexemes.get(w));
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
    const idOf = (i: number) => this.x.ids[hits[i] as number] as string;
    const keys = terms.map((t) => {
      const sign = t.dir === 'desc' ? -1 : 1;
      switch (t.key) {
        case 'score':
          return (a: number, b: number) => sign * ((scores[a] as number) - (scores[b] as number));
        case 'metadata_modified':
          return (a: number, b: number) =>
            sign *
            ((this.x.modified[hits[a] as number] as number) - (this.x.modified[hits[b] as number] as number));
        case 'metadata_created':
          return (a: number, b: number) =>
            sign *
            ((this.x.created[hits[a] as number] as number) - (this.x.created[hits[b] as number] as number));
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
}

const SORTABLE = new Set<SortTerm['key']>(['score', 'id', 'metadata_modified', 'metadata_created']);

/** Byte order of ASCII text (the uuids' hex): what `uuid` ordering is. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
