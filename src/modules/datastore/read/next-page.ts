/**
 * CKAN 2.11's `include_next_page` for datastore_search (ckanext/datastore/backend/postgres.py
 * `search_data`, "fast datastore_search pagination"): with rows sorted by `_id` the next page is
 * found by a keyset filter (`_id > last`) rather than a growing offset, so deep pages stay
 * cheap. Any other order falls back to the next offset.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';
import type { ReadableTable } from './readable-table.js';
import { parseSort, runSearch, type SearchParams, type SearchResult } from './search-query.js';

export interface NextPage {
  /** The filters that fetch the next page (keyset paging), or the offset to ask for instead. */
  filters?: Record<string, unknown>;
  offset?: number;
  records: unknown;
}

/** The keyset filters of the page after `first`, when the order allows one. */
function keysetFilters(
  table: ReadableTable,
  p: SearchParams,
  first: SearchResult,
): Record<string, unknown> | null {
  if (p.distinct || first.lastId === undefined) return null;
  const keys = parseSort(table, p.sort);
  const byId = keys.length === 0 || (keys.length === 1 && keys[0]?.column.name === '_id' && !keys[0].desc);
  const filters = p.filters ?? {};
  if (!byId || '_id' in filters) return null;
  return { ...filters, _id: { gt: first.lastId } };
}

export async function nextPage(
  db: Kysely<DB>,
  table: ReadableTable,
  p: SearchParams,
  first: SearchResult,
): Promise<NextPage> {
  const filters = keysetFilters(table, p, first);
  if (filters) {
    const r = await runSearch(db, table, { ...p, filters, offset: 0, include_total: false });
    return { filters, records: r.records };
  }
  const offset = p.offset + p.limit;
  const r = await runSearch(db, table, { ...p, offset, include_total: false });
  return { offset, records: r.records };
}
