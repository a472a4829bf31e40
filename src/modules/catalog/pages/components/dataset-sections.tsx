import type { Children } from '@kitajs/html';
import { escapeHtml } from '@kitajs/html';
import { licenseTitle } from '../../domain/licenses.js';
import type { CatalogPageContext } from './catalog-context.js';
import type { CatalogKey } from './catalog-messages.js';
import { type DatasetView, type RevisionView, safeHref } from './dataset-view.js';
import { formatDateTime } from './format.js';

function Fact({ label, children }: { label: string; children: Children }) {
  return (
    <tr>
      <th safe scope="row">
        {label}
      </th>
      <td>{children}</td>
    </tr>
  );
}

const dash = '—';

/** The metadata table: agency, license, frequency, coverage, maintainer, dates, version. */
export function MetadataTable({ ctx, view }: { ctx: CatalogPageContext; view: DatasetView }) {
  const d = view.dict;
  const ct = (k: CatalogKey) => ctx.ct(k);
  const licenseHref = safeHref(d.license_url);
  const sourceHref = safeHref(d.url);
  return (
    <table class="metadata">
      <caption safe class="sr-only">
        {ct('catalog.dataset.info')}
      </caption>
      <tbody>
        <Fact label={ct('catalog.field.agency')}>
          <a href={`/organization/${encodeURIComponent(d.organization.name)}`} safe>
            {d.organization.title}
          </a>
        </Fact>
        <Fact label={ct('catalog.field.license')}>
          {licenseHref ? (
            <a href={licenseHref} rel="license" safe>
              {licenseTitle(ctx.locale, d.license_id, d.license_title)}
            </a>
          ) : (
            <span safe>{licenseTitle(ctx.locale, d.license_id, d.license_title)}</span>
          )}
        </Fact>
        <Fact label={ct('catalog.field.frequency')}>
          <span safe>{view.frequency || dash}</span>
        </Fact>
        <Fact label={ct('catalog.field.temporal')}>
          <span safe>{view.temporal || dash}</span>
        </Fact>
        <Fact label={ct('catalog.field.spatial')}>
          <span safe>{view.spatial.join(', ') || dash}</span>
        </Fact>
        <Fact label={ct('catalog.field.maintainer')}>
          <span safe>{d.maintainer || dash}</span>
          {d.maintainer_email ? (
            <>
              {' '}
              (
              <a href={`mailto:${d.maintainer_email}`} safe>
                {d.maintainer_email}
              </a>
              )
            </>
          ) : (
            ''
          )}
        </Fact>
        {d.author ? (
          <Fact label={ct('catalog.field.author')}>
            <span safe>{d.author}</span>
          </Fact>
        ) : (
          ''
        )}
        {sourceHref ? (
          <Fact label={ct('catalog.field.source')}>
            <a href={sourceHref} rel="noopener" safe>
              {sourceHref}
            </a>
          </Fact>
        ) : (
          ''
        )}
        <Fact label={ct('catalog.field.created')}>
          <span safe>{formatDateTime(ctx.locale, d.metadata_created, ctx.timeZone)}</span>
        </Fact>
        <Fact label={ct('catalog.field.modified')}>
          <span safe>{formatDateTime(ctx.locale, d.metadata_modified, ctx.timeZone)}</span>
        </Fact>
        <Fact label={ct('catalog.field.version')}>
          <span safe>{d.version || dash}</span>
        </Fact>
      </tbody>
    </table>
  );
}

/** The files and links of a dataset, each with its format, size, downloads and a download link. */
export function ResourceList({ ctx, view }: { ctx: CatalogPageContext; view: DatasetView }) {
  if (view.resources.length === 0)
    return (
      <p safe class="empty">
        {ctx.ct('catalog.dataset.resourcesEmpty')}
      </p>
    );
  return (
    <ul class="resource-list">
      {view.resources.map((r) => (
        <li class="resource" id={`resource-${r.id}`}>
          <span class="format" data-format={r.format} safe>
            {r.format || '?'}
          </span>
          <div class="resource-body">
            <h3>
              <a href={`/dataset/${encodeURIComponent(view.dict.name)}/resource/${r.id}`} safe>
                {r.name}
              </a>
            </h3>
            {r.description ? (
              <p class="resource-description" safe>
                {r.description}
              </p>
            ) : (
              ''
            )}
            <p class="resource-meta">
              {r.size ? <span safe>{r.size}</span> : ''}
              <span safe>{ctx.ct('catalog.dataset.downloads', { count: r.downloads })}</span>
            </p>
          </div>
          {r.href ? (
            <a
              class="button download"
              href={r.href}
              download={r.isUpload ? '' : undefined}
              rel={r.isUpload ? undefined : 'noopener'}
            >
              {r.isUpload
                ? escapeHtml(ctx.ct('catalog.dataset.download'))
                : escapeHtml(ctx.ct('catalog.dataset.openLink'))}
              {/* The visible word first, then what it acts on: the accessible name contains the label (WCAG 2.5.3). */}
              <span class="visually-hidden" safe>
                {ctx.ct('catalog.dataset.resourceOf', { name: r.name, format: r.format })}
              </span>
            </a>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

/** Who changed the dataset when (staff only: the caller decides whether to render it). */
export function Revisions({ ctx, revisions }: { ctx: CatalogPageContext; revisions: RevisionView[] }) {
  return (
    <section class="revisions" aria-labelledby="revisions-title">
      <h2 safe id="revisions-title">
        {ctx.ct('catalog.dataset.revisions')}
      </h2>
      <p safe class="hint">
        {ctx.ct('catalog.dataset.revisionsHint')}
      </p>
      {revisions.length === 0 ? (
        <p safe class="empty">
          {ctx.ct('catalog.dataset.revisionsEmpty')}
        </p>
      ) : (
        <div class="table-wrap" tabindex="0">
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {ctx.ct('catalog.revision.at')}
                </th>
                <th safe scope="col">
                  {ctx.ct('catalog.revision.actor')}
                </th>
                <th safe scope="col">
                  {ctx.ct('catalog.revision.action')}
                </th>
                <th safe scope="col">
                  {ctx.ct('catalog.revision.fields')}
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <td safe>{formatDateTime(ctx.locale, r.at, ctx.timeZone)}</td>
                  <td safe>{r.actor}</td>
                  <td safe>{revisionLabel(ctx, r.action)}</td>
                  <td safe>{r.fields.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const REVISION_ACTIONS = [
  'package_create',
  'package_update',
  'package_patch',
  'package_delete',
  'resource_create',
  'resource_update',
  'resource_delete',
] as const;

function revisionLabel(ctx: CatalogPageContext, action: string): string {
  const known = REVISION_ACTIONS.find((a) => a === action);
  return known ? ctx.ct(`catalog.revision.${known}`) : action;
}
