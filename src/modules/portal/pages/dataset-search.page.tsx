import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { SearchQueryError } from '../../../kernel/errors.js';
import { Layout } from '../../../kernel/http/layout.js';
import { type Locale, pick } from '../../../kernel/i18n/i18n.js';
import type { CatalogPageContext } from '../../catalog/index.js';
import {
  ActiveFilters,
  type ActiveFilterView,
  clearFilters,
  DatasetCard,
  type DatasetCardView,
  datasetCardView,
  FACET_FIELDS,
  type FacetField,
  FacetList,
  type FacetView,
  filterQueries,
  findLicense,
  groupList,
  PAGE_SIZE,
  Pager,
  packageSearch,
  SearchForm,
  type SearchState,
  SORTS,
  SortForm,
  searchHref,
  toggleFilter,
} from '../../catalog/index.js';
import type { SearchHelpView } from '../search/search-help.js';
import { SearchHelp } from '../search/search-help.view.js';

/** Where a list lives and what it is fixed to (an agency's or a topic's page). */
export interface SearchScope {
  basePath: string;
  /** A field query every result must match, e.g. `owner_org:<id>`. */
  fq?: string;
  /** The facet the scope already fixes: not offered as a filter. */
  fixedFacet?: FacetField;
}

/** A list of datasets as the template shows it. */
export interface SearchView {
  basePath: string;
  state: SearchState;
  count: number;
  cards: DatasetCardView[];
  facets: FacetView[];
  activeFilters: ActiveFilterView[];
  clearHref: string;
  pageCount: number;
  /** The search words could not be parsed: why, in the reader's language. */
  error: string | null;
  /** /dataset only: English-mode notice, Indonesian words, did-you-mean, empty-result help. */
  help?: SearchHelpView;
}

/** Topic names → English titles, for facet labels when the reader reads English. */
export async function topicTitles(actx: ActionContext, locale: Locale): Promise<Map<string, string>> {
  if (locale !== 'en') return new Map();
  const topics = (await executeAction(actx, groupList, { all_fields: true, limit: 1000 })) as {
    name: string;
    title: string;
    title_en: string | null;
  }[];
  return new Map(topics.map((t) => [t.name, t.title_en || t.title]));
}

/**
 * Run the search for a list page through `package_search`, so the one policy decides what the
 * reader sees: the public sees public datasets; a signed-in user also sees the private and
 * draft datasets the policy opens to them.
 */
export async function loadSearch(
  actx: ActionContext,
  locale: Locale,
  state: SearchState,
  scope: SearchScope,
): Promise<SearchView> {
  const signedIn = actx.actor.userId !== null;
  const facetFields = FACET_FIELDS.filter((f) => f !== scope.fixedFacet);
  const base = {
    basePath: scope.basePath,
    state,
    clearHref: searchHref(scope.basePath, clearFilters(state)),
  };
  let result: Awaited<ReturnType<typeof packageSearch.run>>;
  try {
    result = await executeAction(actx, packageSearch, {
      q: state.q,
      ...(scope.fq ? { fq: scope.fq } : {}),
      fq_list: filterQueries(state.filters),
      sort: SORTS[state.sort],
      rows: PAGE_SIZE,
      start: (state.page - 1) * PAGE_SIZE,
      'facet.field': facetFields,
      'facet.limit': 50,
      include_private: signedIn,
      include_drafts: signedIn,
    });
  } catch (err) {
    if (!(err instanceof SearchQueryError)) throw err;
    const active = activeFilters(state, scope, new Map());
    return {
      ...base,
      count: 0,
      cards: [],
      facets: [],
      activeFilters: active,
      pageCount: 1,
      error: pick(locale, err.text),
    };
  }
  const topics = await topicTitles(actx, locale);
  const labels = new Map<string, string>();
  const facets = facetFields.map((field) => {
    const items = (result.search_facets[field]?.items ?? []).map((i) => {
      const label = field === 'groups' ? (topics.get(i.name) ?? i.display_name) : i.display_name;
      labels.set(`${field}\u0000${i.name}`, label);
      return {
        label,
        count: i.count,
        active: state.filters[field].includes(i.name),
        href: searchHref(scope.basePath, toggleFilter(state, field, i.name)),
      };
    });
    // Active values first, then the most frequent (search_facets itself is unordered, as in CKAN).
    items.sort(
      (a, b) =>
        Number(b.active) - Number(a.active) || b.count - a.count || a.label.localeCompare(b.label, locale),
    );
    return { field, items };
  });
  return {
    ...base,
    count: result.count,
    cards: result.results.map(datasetCardView),
    facets,
    activeFilters: activeFilters(state, scope, labels),
    pageCount: Math.max(1, Math.ceil(result.count / PAGE_SIZE)),
    error: null,
  };
}

function activeFilters(
  state: SearchState,
  scope: SearchScope,
  labels: Map<string, string>,
): ActiveFilterView[] {
  return FACET_FIELDS.flatMap((field) =>
    state.filters[field].map((value) => ({
      field,
      label:
        labels.get(`${field}\u0000${value}`) ??
        (field === 'license_id' ? (findLicense(value)?.title ?? value) : value),
      removeHref: searchHref(scope.basePath, toggleFilter(state, field, value)),
    })),
  );
}

/** The result list with its count, sort, active filters and pager. */
function SearchResults({ ctx, view }: { ctx: CatalogPageContext; view: SearchView }) {
  const { state } = view;
  const countText = state.q
    ? ctx.ct('catalog.search.countFor', { count: view.count, q: state.q })
    : ctx.ct('catalog.search.count', { count: view.count });
  return (
    <section class="results" aria-labelledby="results-count">
      <div class="results-head">
        <h2 id="results-count" class="results-count" safe>
          {countText}
        </h2>
        <SortForm ctx={ctx} view={view} />
      </div>
      <a safe href="#filters" class="jump-to-filters">
        {ctx.ct('catalog.facets.jump')}
      </a>
      <ActiveFilters ctx={ctx} filters={view.activeFilters} clearHref={view.clearHref} />
      {view.error ? (
        <p class="errors" role="alert" safe>
          {ctx.ct('catalog.search.invalid', { message: view.error })}
        </p>
      ) : (
        ''
      )}
      {view.cards.length ? (
        <ul class="dataset-list">
          {view.cards.map((d) => (
            <DatasetCard ctx={ctx} d={d} />
          ))}
        </ul>
      ) : (
        <p safe class="empty">
          {ctx.ct('catalog.search.empty')}
        </p>
      )}
      <Pager
        ctx={ctx}
        page={state.page}
        pageCount={view.pageCount}
        hrefFor={(page) => searchHref(view.basePath, { ...state, page })}
      />
    </section>
  );
}

/** Results and filters side by side (filters below the results on a phone). */
export function SearchSection({ ctx, view }: { ctx: CatalogPageContext; view: SearchView }) {
  return (
    <div class="catalog-layout">
      <SearchResults ctx={ctx} view={view} />
      <FacetList ctx={ctx} facets={view.facets} />
    </div>
  );
}

/** GET /dataset: search the catalog by words, filters and sort, 20 results a page. */
export function DatasetSearchPage({ ctx, view }: { ctx: CatalogPageContext; view: SearchView }) {
  const title = ctx.ct('catalog.search.title');
  return (
    <Layout ctx={ctx} title={view.state.q ? `${view.state.q} · ${title}` : title}>
      <div class="catalog-head">
        <h1 safe>{title}</h1>
        <SearchForm ctx={ctx} view={view} label={ctx.ct('catalog.search.label')} />
        {view.help ? <SearchHelp ctx={ctx} help={view.help} /> : ''}
      </div>
      <SearchSection ctx={ctx} view={view} />
    </Layout>
  );
}
