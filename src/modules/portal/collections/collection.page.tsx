import { Layout } from '../../../kernel/http/layout.js';
import { Breadcrumb, type CatalogPageContext } from '../../catalog/index.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import type {
  CollectionCardView,
  CollectionPageView,
  CuratedDatasetView,
  RelatedDatasetView,
} from './curation.loader.js';

const ctext = (ctx: CatalogPageContext, key: CurationKey, p: Record<string, string | number> = {}) =>
  curationText(ctx.locale, key, p);

/** A short list of datasets: title linked to its page, agency below. */
export function CuratedList({
  items,
  detail,
}: {
  items: CuratedDatasetView[];
  detail?: (d: CuratedDatasetView) => string;
}) {
  return (
    <ul class="compact-list">
      {items.map((d) => (
        <li>
          <a href={`/dataset/${encodeURIComponent(d.name)}`} safe>
            {d.title}
          </a>
          <small safe>{detail ? `${d.agency} · ${detail(d)}` : d.agency}</small>
        </li>
      ))}
    </ul>
  );
}

/** Collection cards: title, description, number of public datasets. */
export function CollectionCards({ ctx, items }: { ctx: CatalogPageContext; items: CollectionCardView[] }) {
  return (
    <ul class="entity-grid collection-grid">
      {items.map((c) => (
        <li class="entity-card">
          <h3 class="entity-title">
            <a href={`/koleksi/${encodeURIComponent(c.name)}`} safe>
              {c.title}
            </a>
          </h3>
          {c.description ? <p safe>{c.description}</p> : ''}
          <p safe class="entity-count">
            {ctext(ctx, 'collections.count', { n: c.count })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The home page's curated sections: featured datasets and the collections shown on the home page. */
export function HomeCuration({
  ctx,
  featured,
  collections,
}: {
  ctx: CatalogPageContext;
  featured: CuratedDatasetView[];
  collections: CollectionCardView[];
}) {
  return (
    <>
      {featured.length ? (
        <section class="home-section featured" aria-labelledby="featured-title">
          <h2 safe id="featured-title">
            {ctext(ctx, 'featured.title')}
          </h2>
          <CuratedList items={featured} />
        </section>
      ) : (
        ''
      )}
      {collections.length ? (
        <section class="home-section collections" aria-labelledby="collections-title">
          <h2 safe id="collections-title">
            {ctext(ctx, 'collections.title')}
          </h2>
          <CollectionCards ctx={ctx} items={collections} />
          <a safe class="see-all" href="/koleksi">
            {ctext(ctx, 'collections.all')}
          </a>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

/** GET /koleksi — every collection. */
export function CollectionsPage({ ctx, items }: { ctx: CatalogPageContext; items: CollectionCardView[] }) {
  const title = ctext(ctx, 'collections.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="catalog-head">
        <h1 safe>{title}</h1>
        <p safe>{ctext(ctx, 'collections.lead')}</p>
      </div>
      {items.length ? (
        <CollectionCards ctx={ctx} items={items} />
      ) : (
        <p safe class="empty">
          {ctext(ctx, 'collections.none')}
        </p>
      )}
    </Layout>
  );
}

/** GET /koleksi/:name — one collection with its public datasets in the custodian's order. */
export function CollectionPage({ ctx, view }: { ctx: CatalogPageContext; view: CollectionPageView }) {
  return (
    <Layout ctx={ctx} title={view.title}>
      <Breadcrumb ctx={ctx} links={[{ href: '/koleksi', text: ctext(ctx, 'collections.title') }]} />
      <div class="catalog-head">
        <h1 safe>{view.title}</h1>
        {view.description ? <p safe>{view.description}</p> : ''}
      </div>
      {view.datasets.length ? (
        <CuratedList items={view.datasets} />
      ) : (
        <p safe class="empty">
          {ctext(ctx, 'collections.empty')}
        </p>
      )}
    </Layout>
  );
}

/** Related datasets on a dataset page (public ones only), with why each is related. */
export function RelatedDatasets({ ctx, items }: { ctx: CatalogPageContext; items: RelatedDatasetView[] }) {
  if (items.length === 0) return '';
  return (
    <section aria-labelledby="related-title" class="related">
      <h2 safe id="related-title">
        {ctext(ctx, 'related.title')}
      </h2>
      <CuratedList
        items={items}
        detail={(d) =>
          (d as RelatedDatasetView).reasons.map((r) => ctext(ctx, `related.why.${r}`)).join(', ')
        }
      />
    </section>
  );
}
