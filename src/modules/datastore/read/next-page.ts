/**
 * CKAN's `include_next_page` for datastore_search (ckan master, ckanext/datastore/backend/
 * postgres.py `search_data` L1483-1493 and L1665-1666 at 2dbe2c18f6, added by c1ad38bd5c
 * "[#9027] datastore_search: include_next_page option"; not yet in a 2.11 release): when the
 * rows are sorted by `_id` alone (the default order), `next_page` is the filter to add to the
 * `filters` parameter for the next page — `{"_id": {"gt": last}}`, or `{"_id": {"lt": last}}`
 * for `_id desc` — so deep pages are found by a keyset rather than a growing offset. Any other
 * order, `distinct`, or an empty page: no `next_page` (the action's docstring: "Ignored if
 * records are not sorted by the `_id` field").
 */
import type { ReadableTable } from './readable-table.js';
import { parseSort, type SearchParams, type SearchResult } from './search-query.js';

export type NextPage = { _id: { gt: number } | { lt: number } };

export function nextPage(table: ReadableTable, p: SearchParams, page: SearchResult): NextPage | undefined {
  if (p.distinct || page.lastId === undefined) return undefined;
  const keys = parseSort(table, p.sort);
  if (keys.length === 0) return { _id: { gt: page.lastId } };
  const [only] = keys;
  if (keys.length !== 1 || only?.column.name !== '_id') return undefined;
  return { _id: only.desc ? { lt: page.lastId } : { gt: page.lastId } };
}
