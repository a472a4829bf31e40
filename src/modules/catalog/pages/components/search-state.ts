import { z } from 'zod';
import { FACET_FIELDS, type FacetField } from '../../domain/search-facets.js';

/** Results per page on every catalog list. */
export const PAGE_SIZE = 20;
const MAX_PAGE = 500;
const MAX_VALUES = 10;

/** The sort choices the search page offers, as `package_search` sort strings. */
export const SORTS = {
  relevance: 'score desc, metadata_modified desc',
  newest: 'metadata_modified desc',
  name: 'title_string asc',
  views: 'views_total desc, metadata_modified desc',
} as const;
export type SortChoice = keyof typeof SORTS;
export const SORT_CHOICES = Object.keys(SORTS) as SortChoice[];

export type Filters = Record<FacetField, string[]>;

/** Everything a catalog list shows, read from (and written back to) the URL query. */
export interface SearchState {
  q: string;
  sort: SortChoice;
  page: number;
  filters: Filters;
}

const values = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()))]
      .filter((s) => s.length > 0 && s.length <= 200)
      .slice(0, MAX_VALUES),
  );

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const StateSchema = z.object({
  q: z.preprocess(first, z.string().max(500).catch('')).default(''),
  sort: z.preprocess(
    first,
    z
      .enum(SORT_CHOICES as [SortChoice, ...SortChoice[]])
      .optional()
      .catch(undefined),
  ),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1)).default(1),
  ...Object.fromEntries(FACET_FIELDS.map((f) => [f, values])),
});

/**
 * Read the list state from the query string. Nothing here fails: an unknown sort or a bad page
 * number falls back to the default, so a hand-edited URL still shows a page.
 */
export function parseSearchState(query: unknown): SearchState {
  const raw = StateSchema.parse(typeof query === 'object' && query !== null ? query : {}) as Record<
    string,
    unknown
  >;
  const q = String(raw.q ?? '').trim();
  const filters = Object.fromEntries(FACET_FIELDS.map((f) => [f, (raw[f] as string[]) ?? []])) as Filters;
  const sort = (raw.sort as SortChoice | undefined) ?? (q ? 'relevance' : 'newest');
  return { q, sort, page: Number(raw.page ?? 1), filters };
}

/** The default sort of a state: relevance with words to rank by, newest without. */
export function defaultSort(state: SearchState): SortChoice {
  return state.q ? 'relevance' : 'newest';
}

/** A Solr field query for one value, quoted and escaped for the search-query parser. */
export function fieldQuery(field: string, value: string): string {
  return `${field}:"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** The `fq` terms of the active filters (ANDed by package_search). */
export function filterQueries(filters: Filters): string[] {
  return FACET_FIELDS.flatMap((f) => filters[f].map((v) => fieldQuery(f, v)));
}

/** The URL of a list with the given state (default sort and page 1 are left out). */
export function searchHref(basePath: string, state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FACET_FIELDS) for (const v of state.filters[f]) params.append(f, v);
  if (state.sort !== defaultSort(state)) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const qs = params.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** The state with one filter value added (or removed when already active); back to page 1. */
export function toggleFilter(state: SearchState, field: FacetField, value: string): SearchState {
  const current = state.filters[field];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, page: 1, filters: { ...state.filters, [field]: next } };
}

/** The state with no filters (keeps the words and the sort). */
export function clearFilters(state: SearchState): SearchState {
  return {
    ...state,
    page: 1,
    filters: Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Filters,
  };
}

/** Is any filter active? */
export function hasFilters(state: SearchState): boolean {
  return FACET_FIELDS.some((f) => state.filters[f].length > 0);
}
