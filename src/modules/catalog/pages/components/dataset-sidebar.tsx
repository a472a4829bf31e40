import type { CatalogPageContext } from './catalog-context.js';
import type { DatasetView } from './dataset-view.js';
import { formatNumber } from './format.js';

/** Beside the dataset: view and download counts, topics, tags and the open-metadata links. */
export function DatasetSidebar({ ctx, view }: { ctx: CatalogPageContext; view: DatasetView }) {
  const d = view.dict;
  const base = `/dataset/${encodeURIComponent(d.name)}`;
  return (
    <aside class="dataset-aside">
      <section class="panel" aria-labelledby="stats-title">
        <h2 safe id="stats-title">
          {ctx.ct('catalog.dataset.stats')}
        </h2>
        <dl class="counts">
          <div>
            <dt safe>{ctx.ct('catalog.dataset.views')}</dt>
            <dd safe class="view-count">
              {formatNumber(ctx.locale, view.views)}
            </dd>
          </div>
          <div>
            <dt safe>{ctx.ct('catalog.dataset.downloadsTotal')}</dt>
            <dd safe class="download-count">
              {formatNumber(ctx.locale, view.downloads)}
            </dd>
          </div>
        </dl>
      </section>
      {view.topics.length ? (
        <section class="panel" aria-labelledby="topics-title">
          <h2 safe id="topics-title">
            {ctx.ct('catalog.dataset.topics')}
          </h2>
          <ul class="topic-links">
            {view.topics.map((t) => (
              <li>
                <a href={`/group/${encodeURIComponent(t.name)}`} safe>
                  {t.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {d.tags.length ? (
        <section class="panel" aria-labelledby="tags-title">
          <h2 safe id="tags-title">
            {ctx.ct('catalog.dataset.tags')}
          </h2>
          <ul class="tags">
            {d.tags.map((t) => (
              <li>
                <a href={`/dataset?tags=${encodeURIComponent(t.name)}`} safe>
                  {t.display_name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section class="panel" aria-labelledby="metadata-title">
        <h2 safe id="metadata-title">
          {ctx.ct('catalog.dataset.metadata')}
        </h2>
        <ul class="metadata-links">
          <li>
            <a href={`${base}.ttl`} type="text/turtle">
              DCAT (Turtle)
            </a>
          </li>
          <li>
            <a href={`${base}.jsonld`} type="application/ld+json">
              DCAT (JSON-LD)
            </a>
          </li>
          <li>
            <a href={`${base}.rdf`} type="application/rdf+xml">
              DCAT (RDF/XML)
            </a>
          </li>
          <li>
            <a
              safe
              href={`/api/3/action/package_show?id=${encodeURIComponent(d.name)}`}
              type="application/json"
            >
              {ctx.ct('catalog.dataset.api')}
            </a>
          </li>
        </ul>
      </section>
    </aside>
  );
}
