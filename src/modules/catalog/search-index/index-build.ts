import type { FacetNameOrders, IndexColumns, NameOrder, PerDoc, Postings } from './index-columns.js';
import { PublicSearchIndex } from './public-search-index.js';
import type { IndexedRow } from './public-search-index.repository.js';
import { readTsvector } from './tsvector.js';

/**
 * Builds a PublicSearchIndex from the public datasets' rows, a page at a time (`add`), so a large
 * catalog is read without blocking the event loop for long, then compacts what it gathered into
 * typed arrays (`finish`).
 */
export class PublicSearchIndexBuilder {
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  private readonly agency: number[] = [];
  private readonly license: number[] = [];
  private readonly modified: number[] = [];
  private readonly created: number[] = [];
  private readonly tags: number[][] = [];
  private readonly topics: number[][] = [];
  private readonly formats: number[][] = [];
  private readonly lexemes = new Map<string, { docs: number[]; starts: number[]; pos: number[] }>();
  private readonly agencyIndex: Map<string, number>;
  private readonly topicIndex: Map<string, number>;
  private readonly tagOrder: NameOrder;
  private readonly formatOrder: NameOrder;
  private readonly licenseOrder: NameOrder;

  constructor(
    private readonly stamps: string,
    private readonly orders: FacetNameOrders,
  ) {
    this.agencyIndex = new Map(orders.agencies.map((a, i) => [a.id, i]));
    this.topicIndex = new Map(orders.topics.map((t, i) => [t.name, i]));
    this.tagOrder = nameOrder([...orders.tags]);
    this.formatOrder = nameOrder([...orders.formats]);
    this.licenseOrder = nameOrder([...orders.licenses]);
  }

  /** Add public datasets (each once, in id order). */
  add(rows: IndexedRow[]): void {
    for (const row of rows) {
      const d = this.ids.length;
      this.ids.push(row.id);
      this.names.push(row.name);
      this.agency.push(this.agencyIndex.get(row.agency_id) ?? -1);
      this.license.push(rankOf(this.licenseOrder, row.license_id));
      this.modified.push(row.modified);
      this.created.push(row.created);
      this.tags.push(row.tag_names.map((t) => rankOf(this.tagOrder, t)));
      this.topics.push(row.topic_names.flatMap((t) => this.topicIndex.get(t) ?? []));
      this.formats.push(row.res_formats.map((f) => rankOf(this.formatOrder, f)));
      readTsvector(row.search, (lexeme, positions) => {
        let p = this.lexemes.get(lexeme);
        if (!p) {
          p = { docs: [], starts: [0], pos: [] };
          this.lexemes.set(lexeme, p);
        }
        p.docs.push(d);
        for (const x of positions) p.pos.push(x);
        p.starts.push(p.pos.length);
      });
    }
  }

  finish(): PublicSearchIndex {
    const lexemes = new Map<string, Postings>();
    for (const [lexeme, p] of this.lexemes)
      lexemes.set(lexeme, {
        docs: Int32Array.from(p.docs),
        starts: Int32Array.from(p.starts),
        pos: Uint16Array.from(p.pos),
      });
    const columns: IndexColumns = {
      size: this.ids.length,
      ids: this.ids,
      names: this.names,
      agency: Int32Array.from(this.agency),
      license: Int32Array.from(this.license),
      modified: Float64Array.from(this.modified),
      created: Float64Array.from(this.created),
      tags: perDoc(this.tags),
      topics: perDoc(this.topics),
      formats: perDoc(this.formats),
      agencies: this.orders.agencies,
      topicList: this.orders.topics,
      topicIndex: this.topicIndex,
      tagOrder: this.tagOrder,
      formatOrder: this.formatOrder,
      licenseOrder: this.licenseOrder,
      lexemes,
    };
    return new PublicSearchIndex(this.stamps, columns);
  }
}

function nameOrder(names: string[]): NameOrder {
  return { names, index: new Map(names.map((n, i) => [n, i])) };
}

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
