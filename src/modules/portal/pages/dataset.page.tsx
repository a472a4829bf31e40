import { can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { findRegionNames, titleCaseRegion } from '../../agencies/index.js';
import type { CatalogPageContext } from '../../catalog/index.js';
import {
  Breadcrumb,
  DATASET_NOT_FOUND,
  DatasetSidebar,
  type DatasetView,
  FREQUENCIES,
  formatBytes,
  formatDate,
  formatPeriod,
  listRevisions,
  MetadataTable,
  packageShow,
  paragraphs,
  ResourceList,
  Revisions,
  type RevisionView,
  safeHref,
  VisibilityBadges,
} from '../../catalog/index.js';
import { DatastorePreviewSection } from '../../datastore/index.js';
import { datasetSchemaOrg, jsonLdScriptContent } from '../../linked-data/index.js';
import { StatisticalMetadataSection } from '../../metadata/index.js';
import { attachWorkflowHistory, WorkflowHistory } from '../../verification/index.js';
import { topicTitles } from './dataset-search.page.js';

/** Links to this site's own files become paths, so they work whatever host the page is read on. */
function localHref(url: string, siteUrl: string): string | null {
  if (siteUrl && url.startsWith(`${siteUrl}/`)) return url.slice(siteUrl.length);
  return safeHref(url);
}

/** A revision names at most this many changed fields (a create changes all of them). */
const MAX_FIELDS_SHOWN = 8;

function revisionView(r: Awaited<ReturnType<typeof listRevisions>>[number]): RevisionView {
  const changes = (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as Record<
    string,
    unknown
  >;
  const isResource = r.action.startsWith('resource_');
  return {
    at: new Date(r.at).toISOString(),
    actor: r.actor_name,
    action: r.action,
    fields: isResource
      ? [String(changes.name ?? '')].filter(Boolean)
      : Object.keys(changes ?? {}).slice(0, MAX_FIELDS_SHOWN),
  };
}

/**
 * Load a dataset page through `package_show`: a dataset the reader may not see is "not found",
 * exactly as over the API. Revisions are added only for staff the policy lets read the agency's
 * private datasets.
 */
export async function loadDatasetPage(
  actx: ActionContext,
  locale: Locale,
  name: string,
  siteUrl: string,
): Promise<DatasetView> {
  const dict = await executeAction(actx, packageShow, { id: name });
  if (!dict) throw new NotFoundError(DATASET_NOT_FOUND);
  const mayReadHistory = can(actx.actor, 'dataset:read_private', { agencyId: dict.owner_org });
  const [titles, regions, revisions] = await Promise.all([
    topicTitles(actx, locale),
    findRegionNames(actx.db, dict.spatial),
    mayReadHistory ? listRevisions(actx.db, dict.id, 30) : Promise.resolve(null),
    attachWorkflowHistory(actx.db, actx.actor, dict),
  ]);
  const resources = dict.resources.map((r) => ({
    id: r.id,
    name: r.name || r.format || r.id,
    description: r.description,
    format: r.format.toUpperCase(),
    size: formatBytes(locale, r.size === null ? null : Number(r.size)),
    href: r.url ? localHref(r.url, siteUrl) : null,
    isUpload: r.url_type === 'upload',
    downloads: Number(r.download_count),
  }));
  const regionNames = new Map(
    regions.map((r) => [r.code, r.name === r.name.toUpperCase() ? titleCaseRegion(r.name) : r.name]),
  );
  const frequency = dict.update_frequency
    ? FREQUENCIES[dict.update_frequency as keyof typeof FREQUENCIES]
    : undefined;
  return {
    dict,
    paragraphs: paragraphs(dict.notes),
    resources,
    topics: dict.groups.map((g) => ({ name: g.name, title: titles.get(g.name) ?? g.title })),
    spatial: [...regionNames.values()],
    regionNames,
    frequency: frequency ? frequency[locale] : (dict.update_frequency ?? ''),
    temporal: formatPeriod(locale, dict.temporal_start, dict.temporal_end),
    // The view being served counts too (the route adds it after this load).
    views: Number(dict.view_count) + 1,
    downloads: resources.reduce((n, r) => n + r.downloads, 0),
    isPrivate: dict.private,
    isDraft: dict.state === 'draft',
    revisions: revisions ? revisions.map(revisionView) : null,
  };
}

/** Escape a value for an HTML attribute written by hand (head extras are plain strings). */
function attr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Head extras of a dataset page: the DCAT alternates (Turtle, JSON-LD, RDF/XML) and the
 * schema.org Dataset for search engines as JSON-LD, its `<` `>` `&` escaped as \u003c… so no
 * value can end the script element.
 */
export function datasetHead(view: DatasetView, siteUrl: string): string {
  const base = `/dataset/${encodeURIComponent(view.dict.name)}`;
  const links = [
    ['text/turtle', 'ttl'],
    ['application/ld+json', 'jsonld'],
    ['application/rdf+xml', 'rdf'],
  ]
    .map(([type, ext]) => `<link rel="alternate" type="${type}" href="${attr(`${base}.${ext}`)}" />`)
    .join('');
  // ── schema.org JSON-LD (Google Dataset Search), from the linked-data module ──
  const schemaOrg = datasetSchemaOrg(view.dict, siteUrl, view.regionNames);
  return `${links}<script type="application/ld+json">${jsonLdScriptContent(schemaOrg)}</script>`;
}

/** GET /dataset/:name — description, files to download, metadata, tags, topics, counts. */
export function DatasetPage({ ctx, view }: { ctx: CatalogPageContext; view: DatasetView }) {
  const d = view.dict;
  return (
    <Layout ctx={ctx} title={d.title}>
      <Breadcrumb
        ctx={ctx}
        links={[
          { href: '/dataset', text: ctx.ct('catalog.nav.datasets') },
          { href: `/organization/${encodeURIComponent(d.organization.name)}`, text: d.organization.title },
        ]}
      />
      <div class="dataset-head">
        <h1 safe>{d.title}</h1>
        <p class="dataset-card-meta">
          <a href={`/organization/${encodeURIComponent(d.organization.name)}`} safe>
            {d.organization.title}
          </a>
          <span safe>
            {ctx.ct('catalog.card.modified', { date: formatDate(ctx.locale, d.metadata_modified) })}
          </span>
          <VisibilityBadges ctx={ctx} d={view} />
        </p>
        {view.isPrivate ? <p class="notice">{ctx.ct('catalog.dataset.privateNotice')}</p> : ''}
        {view.isDraft ? <p class="notice">{ctx.ct('catalog.dataset.draftNotice')}</p> : ''}
      </div>
      <div class="dataset-layout">
        <div class="dataset-main">
          <section aria-labelledby="about-title">
            <h2 id="about-title" class="sr-only">
              {ctx.ct('catalog.dataset.about')}
            </h2>
            {view.paragraphs.length ? (
              view.paragraphs.map((p) => (
                <p class="notes" safe>
                  {p}
                </p>
              ))
            ) : (
              <p class="empty">{ctx.ct('catalog.dataset.noDescription')}</p>
            )}
          </section>
          <section aria-labelledby="resources-title">
            <h2 id="resources-title">{ctx.ct('catalog.dataset.resources')}</h2>
            <ResourceList ctx={ctx} view={view} />
          </section>
          <DatastorePreviewSection ctx={ctx} view={view} />
          <section aria-labelledby="info-title">
            <h2 id="info-title">{ctx.ct('catalog.dataset.info')}</h2>
            <MetadataTable ctx={ctx} view={view} />
          </section>
          <StatisticalMetadataSection locale={ctx.locale} dict={d} />
          {view.revisions ? <Revisions ctx={ctx} revisions={view.revisions} /> : ''}
          <WorkflowHistory ctx={ctx} dict={d} />
        </div>
        <DatasetSidebar ctx={ctx} view={view} />
      </div>
    </Layout>
  );
}
