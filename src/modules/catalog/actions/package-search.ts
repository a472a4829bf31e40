import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { JsonText } from '../../../kernel/actions/json-text.js';
import { SearchQueryError } from '../../../kernel/errors.js';
import type { SearchRequest, SearchResult } from '../dataset-search.repository.js';
import { findLicense } from '../domain/licenses.js';
import { FACET_FIELDS, type FacetField } from '../domain/search-facets.js';
import { parseSearchQuery, parseSort } from '../domain/search-query.js';
import { findDatasets, findDatasetsAndPage } from '../search-index/public-search.js';
import { looseBoolean } from './dataset.schema.js';
import { searchVisibility, storedPackages, storedPackageTexts } from './dataset-access.js';

export const ROWS_MAX = 1000;

/**
 * `facet.field` arrives as a JSON list string (`["tags","organization"]`) or an array; anything
 * else is a 409 Validation Error, as CKAN's `convert_to_json_if_string` + `list_of_strings`.
 */
const FacetFieldsSchema = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z.array(z.string(), { message: 'Harus berupa daftar JSON / Must be a JSON list' }),
);

/**
 * Parameters package_search takes besides its schema's: Solr's own (ckan/lib/search/query.py
 * VALID_SOLR_PARAMETERS), CKAN's, `ext_*` for plugins, and this site's `lang`. Any other is a
 * 400 Search Query Error, as in CKAN 2.11.5 (query.py L381-383 `"Invalid search parameters: %s" %
 * invalid_params`, sent by views/api.py L312-316 as `'Search Query is invalid: %r' % e.args`).
 */
const OTHER_PARAMETERS = new Set([
  'fl',
  'qf',
  'wt',
  'bf',
  'boost',
  'tie',
  'defType',
  'mm',
  'df',
  'q.op',
  'sort',
  'spellcheck',
  'spellcheck.q',
  'hl',
  'hl.fl',
  'use_default_schema',
  'include_plugin_data',
  'callback',
  'lang',
  '_',
  'facet.sort',
  'facet.prefix',
]);

/** The parameters of a package_search call that CKAN would refuse. */
export function unknownSearchParameters(input: Record<string, unknown>): string[] {
  const known = new Set(Object.keys(PackageSearchSchema.shape));
  return Object.keys(input).filter((k) => !known.has(k) && !OTHER_PARAMETERS.has(k) && !k.startsWith('ext_'));
}

const int = (def: number) => z.coerce.number().int().default(def);

export const PackageSearchSchema = z.object({
  q: z.string().max(2000).optional(),
  fq: z.string().max(4000).optional(),
  fq_list: z.union([z.array(z.string().max(2000)), z.string()]).optional(),
  sort: z.string().max(200).optional(),
  /** CKAN clamps rows to `ckan.search.rows_max` (1000) rather than refusing more. */
  rows: int(10).pipe(
    z
      .number()
      .min(0)
      .transform((n) => Math.min(n, ROWS_MAX)),
  ),
  start: int(0).pipe(z.number().min(0).max(1_000_000)),
  facet: looseBoolean.default(true),
  'facet.field': FacetFieldsSchema.optional(),
  'facet.limit': int(50).pipe(z.number().min(-1).max(1000)),
  'facet.mincount': int(1).pipe(z.number().min(0)),
  include_private: looseBoolean.default(false),
  include_drafts: looseBoolean.default(false),
  include_deleted: looseBoolean.default(false),
});
export type PackageSearchInput = z.infer<typeof PackageSearchSchema>;

/** The search a package_search call asks for, checked (unknown facets are refused). */
function searchRequestOf(ctx: ActionContext, input: PackageSearchInput): SearchRequest {
  const q = parseSearchQuery(input.q);
  const fqs = [
    input.fq,
    ...(Array.isArray(input.fq_list) ? input.fq_list : input.fq_list ? [input.fq_list] : []),
  ];
  const clauses = [...q.clauses, ...fqs.flatMap((fq) => parseSearchQuery(fq).clauses)];
  const facetFields = input.facet ? (input['facet.field'] ?? []) : [];
  for (const f of facetFields)
    if (!(FACET_FIELDS as readonly string[]).includes(f))
      throw new SearchQueryError({
        id: `Faset tidak dikenal: ${f}`,
        en: `Search Query is invalid: unknown facet ${f}`,
      });
  return {
    clauses,
    text: q.text.join(' '),
    sort: parseSort(input.sort),
    rows: input.rows,
    start: input.start,
    visibility: searchVisibility(ctx.actor, {
      includePrivate: input.include_private,
      includeDrafts: input.include_drafts,
      includeDeleted: input.include_deleted,
    }),
    facetFields: facetFields as FacetField[],
    facetLimit: input['facet.limit'],
    facetMinCount: input['facet.mincount'],
  };
}

/** The count and the facets as CKAN shapes them. */
function shapeFound(result: SearchResult, input: PackageSearchInput) {
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  > = {};
  for (const [field, items] of Object.entries(result.facets)) {
    facets[field] = Object.fromEntries(items.map((i) => [i.name, i.count]));
    const display = items.map((i) =>
      field === 'license_id' ? { ...i, display_name: findLicense(i.name)?.title ?? i.name } : i,
    );
    // CKAN's search_facets title is the field name itself.
    searchFacets[field] = { title: field, items: display };
  }
  return {
    count: result.count,
    facets,
    sort: input.sort?.trim() || 'score desc, metadata_modified desc',
    search_facets: searchFacets,
  };
}

/** Run a search as CKAN's package_search does; reused by the portal's search page. */
export async function runPackageSearch(ctx: ActionContext, input: PackageSearchInput) {
  const result = await findDatasets(ctx.db, searchRequestOf(ctx, input));
  const found = shapeFound(result, input);
  const results = await storedPackages(ctx.db, result.ids, ctx.siteUrl ?? '');
  return {
    count: found.count,
    facets: found.facets,
    results,
    sort: found.sort,
    search_facets: found.search_facets,
  };
}

/** What the API refuses before searching: parameters CKAN does not know. */
function refuseUnknownParameters(input: Record<string, unknown>): void {
  const unknown = unknownSearchParameters(input);
  if (!unknown.length) return;
  // Python's repr of the message: a list of quoted names inside double quotes.
  const names = `[${unknown.map((n) => `'${n}'`).join(', ')}]`;
  throw new SearchQueryError({
    id: `Kueri pencarian tidak valid: parameter ${unknown.map((n) => `"${n}"`).join(', ')} tidak dikenal`,
    en: `Search Query is invalid: "Invalid search parameters: ${names}"`,
  });
}

/**
 * As in CKAN, `search_facets` items come sorted by display_name, descending (facet.limit still
 * keeps the most frequent ones); the portal, which calls runPackageSearch, keeps them by count.
 */
function sortFacetItemsAsCkan(searchFacets: Record<string, { items: { display_name: string }[] }>): void {
  for (const facet of Object.values(searchFacets))
    facet.items.sort((a, b) =>
      a.display_name < b.display_name ? 1 : a.display_name > b.display_name ? -1 : 0,
    );
}

/**
 * CKAN `package_search`: full-text and field queries over the datasets the actor may see.
 */
export const packageSearch = defineAction({
  name: 'package_search',
  sideEffectFree: true,
  // Anonymous answers are the public catalog's: a repeat is served from the page cache.
  anonymousCache: true,
  input: PackageSearchSchema.catchall(z.unknown()),
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    refuseUnknownParameters(input);
    const result = await runPackageSearch(ctx, input);
    sortFacetItemsAsCkan(result.search_facets);
    return result;
  },
  // The API's answer is written around the stored dicts' texts (issue #21): each result is
  // package_show's stored dict for it (CKAN indexes the validated package_show dict and returns
  // that), so the keys other modules add come along, and none is parsed and serialized again.
  async runAsJson(ctx, input) {
    refuseUnknownParameters(input);
    // The page's dicts are read with the stamps that prove an answer from the search index current.
    const { result, page: results } = await findDatasetsAndPage(
      ctx.db,
      searchRequestOf(ctx, input),
      async (ids) => {
        const read = await storedPackageTexts(ctx.db, ids, ctx.siteUrl ?? '');
        return { value: read.texts, stamps: read.stamps };
      },
    );
    const found = shapeFound(result, input);
    sortFacetItemsAsCkan(found.search_facets);
    const text = `{"count":${found.count},"facets":${JSON.stringify(found.facets)},"results":[${results.join(',')}],"sort":${JSON.stringify(found.sort)},"search_facets":${JSON.stringify(found.search_facets)}}`;
    return new JsonText(text, { count: found.count });
  },
});
