import { Layout } from '../../../kernel/http/layout.js';
import { Breadcrumb, type CatalogPageContext, formatDate } from '../../catalog/index.js';
import { DatastorePreviewSection } from '../../datastore/index.js';
import { type PortalKey, portalText } from '../portal.messages.js';
import type { ResourcePageView } from './resource.loader.js';

function ColumnDictionary({ ctx, view }: { ctx: CatalogPageContext; view: ResourcePageView }) {
  const pt = (k: PortalKey) => portalText(ctx.locale, k);
  const columns = view.preview?.columns ?? [];
  if (columns.length === 0) return '';
  return (
    <section aria-labelledby="dictionary-title">
      <h2 id="dictionary-title" safe>
        {pt('resource.dictionary')}
      </h2>
      <section class="ds-scroll" aria-labelledby="dictionary-title" tabindex="0">
        <table class="meta-table column-dictionary">
          <thead>
            <tr>
              {(
                [
                  'resource.column',
                  'resource.label',
                  'resource.type',
                  'resource.unit',
                  'resource.description',
                ] as const
              ).map((k) => (
                <th scope="col" safe>
                  {pt(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr>
                <td>
                  <code safe>{c.name}</code>
                </td>
                <td safe>
                  {(ctx.locale === 'en' ? c.field?.['title:en'] : undefined) ?? c.field?.title ?? ''}
                </td>
                <td>{c.type}</td>
                <td safe>{c.field?.unit ?? ''}</td>
                <td safe>{c.field?.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function DataApiPanel({ ctx, view }: { ctx: CatalogPageContext; view: ResourcePageView }) {
  if (view.examples.length === 0) return '';
  const pt = (k: PortalKey) => portalText(ctx.locale, k);
  return (
    <section aria-labelledby="api-title" class="data-api">
      <h2 id="api-title" safe>
        {pt('resource.api')}
      </h2>
      <p safe>{pt('resource.apiLead')}</p>
      {view.examples.map((e) => (
        <div class="api-example">
          <h3 id={`api-${e.id}`}>
            {e.language}
            {e.sql ? <span safe>{` — ${pt('resource.apiSql')}`}</span> : ''}
          </h3>
          <pre tabindex="0" data-example={e.id}>
            <code safe>{e.code}</code>
          </pre>
        </div>
      ))}
    </section>
  );
}

/** GET /dataset/:name/resource/:id — one file or table of a dataset, as CKAN's resource page. */
export function ResourcePage({ ctx, view }: { ctx: CatalogPageContext; view: ResourcePageView }) {
  const pt = (k: PortalKey, p: Record<string, string | number> = {}) => portalText(ctx.locale, k, p);
  const { dataset: d, resource: r } = view;
  const title = r.name || r.format || d.title;
  return (
    <Layout ctx={ctx} title={title}>
      <Breadcrumb
        ctx={ctx}
        links={[
          { href: '/dataset', text: ctx.ct('catalog.nav.datasets') },
          { href: `/dataset/${encodeURIComponent(d.name)}`, text: d.title },
        ]}
      />
      <h1 safe>{title}</h1>
      {r.description ? <p safe>{r.description}</p> : ''}
      <dl class="meta-list">
        <dt safe>{pt('resource.format')}</dt>
        <dd safe>{r.format.toUpperCase() || '?'}</dd>
        {view.size ? <dt safe>{pt('resource.size')}</dt> : ''}
        {view.size ? <dd safe>{view.size}</dd> : ''}
        {r.hash ? <dt safe>{pt('resource.hash')}</dt> : ''}
        {r.hash ? (
          <dd>
            <code safe>{r.hash}</code>
          </dd>
        ) : (
          ''
        )}
      </dl>
      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title" safe>
          {pt('resource.downloads')}
        </h2>
        <ul class="download-list">
          {view.originalHref ? (
            <li>
              <a href={view.originalHref} safe>
                {pt('resource.original')}
              </a>
            </li>
          ) : (
            ''
          )}
          {view.downloads.map((dl) => (
            <li>
              <a href={dl.href} download="" safe>
                {dl.format}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <DatastorePreviewSection ctx={ctx} previews={view.preview ? [view.preview] : []} datasetName={d.name} />
      <ColumnDictionary ctx={ctx} view={view} />
      <DataApiPanel ctx={ctx} view={view} />
      {view.versions.length ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title" safe>
            {pt('resource.versions')}
          </h2>
          <ul>
            {view.versions.map((v) => (
              <li safe>
                {pt('resource.versionRow', {
                  version: v.number,
                  date: formatDate(ctx.locale, v.at),
                  rows: v.rows ?? 0,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
