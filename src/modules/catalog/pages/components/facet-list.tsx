import type { FacetField } from '../../domain/search-facets.js';
import type { CatalogPageContext } from './catalog-context.js';

/** Items shown before the rest of a facet folds into "show more". */
const VISIBLE_ITEMS = 8;

export interface FacetItemView {
  label: string;
  count: number;
  active: boolean;
  /** The list URL with this value added, or removed when active. */
  href: string;
}

export interface FacetView {
  field: FacetField;
  items: FacetItemView[];
}

export interface ActiveFilterView {
  field: FacetField;
  label: string;
  removeHref: string;
}

function FacetLink({ ctx, item }: { ctx: CatalogPageContext; item: FacetItemView }) {
  if (item.active)
    return (
      <li class="facet-item active">
        <a href={item.href} aria-label={ctx.ct('catalog.filters.remove', { value: item.label })}>
          <span class="facet-label" safe>
            {item.label}
          </span>
          <span class="facet-remove" aria-hidden="true">
            ×
          </span>
        </a>
      </li>
    );
  return (
    <li class="facet-item">
      <a href={item.href}>
        <span class="facet-label" safe>
          {item.label}
        </span>
        <span safe class="facet-count">
          {String(item.count)}
        </span>
      </a>
    </li>
  );
}

/**
 * The filter lists beside the results: each value is a plain link that adds its filter to the
 * URL (or removes it when active), so filtering works without JavaScript. Long lists fold the
 * tail into a <details> element.
 */
export function FacetList({ ctx, facets }: { ctx: CatalogPageContext; facets: FacetView[] }) {
  const shown = facets.filter((f) => f.items.length > 0);
  return (
    <aside class="facets" id="filters" aria-labelledby="filters-title">
      <h2 safe id="filters-title" class="facets-title">
        {ctx.ct('catalog.facets.title')}
      </h2>
      {shown.map((facet) => {
        const head = facet.items.slice(0, VISIBLE_ITEMS);
        const tail = facet.items.slice(VISIBLE_ITEMS);
        return (
          <section class="facet" data-facet={facet.field}>
            <h3 safe>{ctx.ct(`catalog.facet.${facet.field}`)}</h3>
            <ul>
              {head.map((item) => (
                <FacetLink ctx={ctx} item={item} />
              ))}
            </ul>
            {tail.length ? (
              <details>
                <summary safe>{ctx.ct('catalog.facet.more', { count: tail.length })}</summary>
                <ul>
                  {tail.map((item) => (
                    <FacetLink ctx={ctx} item={item} />
                  ))}
                </ul>
              </details>
            ) : (
              ''
            )}
          </section>
        );
      })}
    </aside>
  );
}

/** The active filters above the results, each with a remove link, and "clear all". */
export function ActiveFilters({
  ctx,
  filters,
  clearHref,
}: {
  ctx: CatalogPageContext;
  filters: ActiveFilterView[];
  clearHref: string;
}) {
  if (filters.length === 0) return '';
  return (
    <div class="active-filters">
      <h3 safe class="active-filters-title">
        {ctx.ct('catalog.filters.active')}
      </h3>
      <ul>
        {filters.map((f) => (
          <li>
            <span safe class="active-filter-field">
              {ctx.ct(`catalog.facet.${f.field}`)}:
            </span>{' '}
            <span safe>{f.label}</span>{' '}
            <a
              href={f.removeHref}
              class="remove"
              aria-label={ctx.ct('catalog.filters.remove', { value: f.label })}
            >
              ×
            </a>
          </li>
        ))}
      </ul>
      <a safe href={clearHref} class="clear-filters">
        {ctx.ct('catalog.filters.clear')}
      </a>
    </div>
  );
}
