import type { Kysely } from 'kysely';
import { readPageStamps } from '../../../kernel/db/page-stamp.repository.js';
import type { DB } from '../../../kernel/db/schema.js';
import { type SearchRequest, type SearchResult, searchDatasets } from '../dataset-search.repository.js';
import { PublicSearchIndexBuilder } from './index-build.js';
import type { PublicSearchIndex } from './public-search-index.js';
import {
  type IndexedRow,
  readFacetNameOrders,
  readPublicDatasetPage,
  readStampsAndTsQuery,
} from './public-search-index.repository.js';
import { isSimple, parseTsquery, type TsQuery } from './tsquery.js';

/**
 * package_search over the public catalog from an in-memory index (public-search-index.ts),
 * falling back to the search statement for everything the index does not answer.
 *
 * The index is built for the catalog's change stamps (migration 0033: every change to a stored
 * dict, a dataset's visibility, agencies and topics moves them, at commit) and used only while
 * the stamps read at the start of a search are the ones it was built for: correct with several
 * instances, since the stamps live in the database. When they moved, the search runs in SQL and
 * a rebuild starts in the background; until it lands, searches keep running in SQL. Builds are
 * spaced (at least twice the last build's time apart) so a catalog changing every second, as
 * during an ingest, spends at most a third of a core on them.
 *
 * Only public searches use it: a searcher asking for private, draft or deleted datasets (what
 * the policy opens to staff) is searched in SQL, so the index never holds what the public may
 * not see.
 */

const PAGE = 2000;
const MIN_GAP_MS = 1000;
const FAILED_RETRY_MS = 10_000;
const TSQUERIES_KEPT = 1000;

interface State {
  index: PublicSearchIndex | null;
  building: Promise<void> | null;
  /** No build starts before this time (ms, performance.now()). */
  notBefore: number;
  tsqueries: Map<string, TsQuery | null>;
}

const states = new WeakMap<Kysely<DB>, State>();

function stateOf(db: Kysely<DB>): State {
  let s = states.get(db);
  if (!s) {
    s = { index: null, building: null, notBefore: 0, tsqueries: new Map() };
    states.set(db, s);
  }
  return s;
}

/** A search: from the index when it holds the catalog as it is now and can answer, else in SQL. */
export async function findDatasets(db: Kysely<DB>, req: SearchRequest): Promise<SearchResult> {
  return (await searchPublicIndex(db, req)) ?? searchDatasets(db, req);
}

/**
 * A search and its page read together (package_search's API answer). When the index was built
 * and the search's text seen before, the index answers first and the page is read with the
 * catalog's stamps: if they are still the index's, the answer was current when the page was
 * read, and the whole search cost the one read of the page (on PGlite, one turn of its only
 * connection instead of two). If they moved, the search runs again as findDatasets does.
 */
export async function findDatasetsAndPage<T>(
  db: Kysely<DB>,
  req: SearchRequest,
  readPage: (ids: string[]) => Promise<{ value: T; stamps: string | null }>,
): Promise<{ result: SearchResult; page: T }> {
  const early = searchKeptIndex(db, req);
  if (early) {
    const page = await readPage(early.result.ids);
    const stamps = page.stamps ?? (await readPageStamps(db));
    if (stamps === early.stamps) return { result: early.result, page: page.value };
  }
  const result = await findDatasets(db, req);
  return { result, page: (await readPage(result.ids)).value };
}

/** The kept index's answer without reading anything, and the stamps it holds for. */
function searchKeptIndex(
  db: Kysely<DB>,
  req: SearchRequest,
): { result: SearchResult; stamps: string } | null {
  if (!usesIndex(db, req)) return null;
  const state = stateOf(db);
  const index = state.index;
  if (!index) return null;
  let query: TsQuery | null = null;
  if (req.text) {
    const kept = keptTsQuery(state, req.text);
    if (!kept || !isSimple(kept)) return null;
    query = kept;
  }
  const result = index.search(req, query);
  return result && { result, stamps: index.stamps };
}

/** Public searches outside a transaction (which may see its own uncommitted changes). */
function usesIndex(db: Kysely<DB>, req: SearchRequest): boolean {
  const v = req.visibility;
  return !(db.isTransaction || v.includePrivate || v.includeDrafts || v.includeDeleted);
}

/** The index's answer, or null when the search is for SQL (see the file's comment). */
export async function searchPublicIndex(db: Kysely<DB>, req: SearchRequest): Promise<SearchResult | null> {
  if (!usesIndex(db, req)) return null;
  const state = stateOf(db);
  // The stamps, and the query's tsquery the first time its text is seen, in one read.
  let query: TsQuery | null | undefined = req.text ? keptTsQuery(state, req.text) : null;
  let stamps: string;
  if (query === undefined) {
    const read = await readStampsAndTsQuery(db, req.text);
    stamps = read.stamps;
    query = keepTsQuery(state, req.text, parseOrNull(read.tsquery));
  } else stamps = await readPageStamps(db);
  const index = state.index;
  if (index?.stamps !== stamps) {
    startBuild(db, state);
    return null;
  }
  // An empty query (only stop words) matches nothing in SQL; phrases and prefixes are SQL's too.
  if (req.text && (!query || !isSimple(query))) return null;
  return index.search(req, query);
}

/** A search text's parsed tsquery if kept (the text search configuration does not change). */
function keptTsQuery(state: State, text: string): TsQuery | null | undefined {
  const kept = state.tsqueries.get(text);
  if (kept !== undefined) {
    // Least recently used goes first: re-inserting moves this one to the end.
    state.tsqueries.delete(text);
    state.tsqueries.set(text, kept);
  }
  return kept;
}

/** A tsquery this parser does not read is left to SQL, as an empty one. */
function parseOrNull(text: string): TsQuery | null {
  try {
    return parseTsquery(text);
  } catch {
    return null;
  }
}

function keepTsQuery(state: State, text: string, parsed: TsQuery | null): TsQuery | null {
  state.tsqueries.set(text, parsed);
  if (state.tsqueries.size > TSQUERIES_KEPT) {
    const oldest = state.tsqueries.keys().next().value;
    if (oldest !== undefined) state.tsqueries.delete(oldest);
  }
  return parsed;
}

function startBuild(db: Kysely<DB>, state: State): void {
  if (state.building || performance.now() < state.notBefore) return;
  const started = performance.now();
  state.building = buildPublicSearchIndex(db)
    .then((index) => {
      state.index = index;
      state.notBefore = performance.now() + Math.max(MIN_GAP_MS, 2 * (performance.now() - started));
    })
    .catch(() => {
      // A failed read (a closed pool at shutdown, a dropped connection) is retried later; the
      // searches meanwhile run in SQL.
      state.notBefore = performance.now() + FAILED_RETRY_MS;
    })
    .finally(() => {
      state.building = null;
    });
}

/**
 * Read the public catalog into an index labelled with the stamps read first: whatever commits
 * while the pages are read moves the stamps past the label, so such an index is never used.
 */
export async function buildPublicSearchIndex(db: Kysely<DB>): Promise<PublicSearchIndex> {
  const stamps = await readPageStamps(db);
  const orders = await readFacetNameOrders(db);
  const index = new PublicSearchIndexBuilder(stamps, orders);
  let after: string | null = null;
  for (;;) {
    const page = await readPublicDatasetPage(db, after, PAGE);
    index.add(page);
    if (page.length < PAGE) break;
    after = (page[page.length - 1] as IndexedRow).id;
  }
  return index.finish();
}

/** Build the index for the catalog as it is now and wait for it (tests, and a warm start). */
export async function warmPublicSearchIndex(db: Kysely<DB>): Promise<void> {
  const state = stateOf(db);
  await state.building;
  const index = await buildPublicSearchIndex(db);
  state.index = index;
}
