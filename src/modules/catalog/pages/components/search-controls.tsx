import { FACET_FIELDS } from '../../domain/search-facets.js';
import type { CatalogPageContext } from './catalog-context.js';
import { defaultSort, type SearchState, SORT_CHOICES } from './search-state.js';

/** What the list controls need of a list: where it lives and its state. */
export interface ListPlace {
  basePath: string;
  state: SearchState;
}

/** Hidden fields that carry the filters (and optionally the sort or words) through a GET form. */
function HiddenState({ state, keep }: { state: SearchState; keep: 'q' | 'sort' }) {
  const fields: [string, string][] = FACET_FIELDS.flatMap((f) =>
    state.filters[f].map((v): [string, string] => [f, v]),
  );
  if (keep === 'q' && state.q) fields.unshift(['q', state.q]);
  if (keep === 'sort' && state.sort !== defaultSort(state)) fields.push(['sort', state.sort]);
  return (
    <>
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** The search box: a GET form, so results are a plain URL that can be shared and bookmarked. */
export function SearchForm({
  ctx,
  view,
  label,
}: {
  ctx: CatalogPageContext;
  view: ListPlace;
  label: string;
}) {
  return (
    <search>
      <form method="get" action={view.basePath} class="search-form">
        <label for="q" safe>
          {label}
        </label>
        <div class="search-row">
          <input
            type="search"
            id="q"
            name="q"
            value={view.state.q}
            placeholder={ctx.ct('catalog.search.placeholder')}
            maxlength="500"
          />
          <HiddenState state={view.state} keep="sort" />
          <button safe type="submit">
            {ctx.ct('catalog.search.submit')}
          </button>
        </div>
      </form>
    </search>
  );
}

/** The sort choice: a GET form with a select and a button, so it works without JavaScript. */
export function SortForm({ ctx, view }: { ctx: CatalogPageContext; view: ListPlace }) {
  return (
    <form method="get" action={view.basePath} class="sort-form">
      <HiddenState state={view.state} keep="q" />
      <label safe for="sort">
        {ctx.ct('catalog.sort.label')}
      </label>
      <select id="sort" name="sort">
        {SORT_CHOICES.map((s) => (
          <option safe value={s} selected={s === view.state.sort}>
            {ctx.ct(`catalog.sort.${s}`)}
          </option>
        ))}
      </select>
      <button safe type="submit" class="secondary">
        {ctx.ct('catalog.sort.apply')}
      </button>
    </form>
  );
}
