import { Layout } from '../../../kernel/http/layout.js';
import { ShareLinks } from '../../../kernel/http/share-links.js';
import type { CatalogPageContext } from '../../catalog/index.js';
import {
  Breadcrumb,
  DatasetSidebar,
  type DatasetView,
  formatDate,
  MetadataTable,
  ResourceList,
  Revisions,
  VisibilityBadges,
} from '../../catalog/index.js';
import { DatastorePreviewSection } from '../../datastore/index.js';
import { datasetSchemaOrg, jsonLdScriptContent } from '../../linked-data/index.js';
import { StatisticalMetadataSection } from '../../metadata/index.js';
import { WorkflowHistory } from '../../verification/index.js';
import { RelatedDatasets } from '../collections/collection.page.js';
import type { RelatedDatasetView } from '../collections/curation.loader.js';
import { FollowForm } from '../follow/follow.page.js';
import type { DatasetPageView } from './dataset.loader.js';
import { ChangeLogSection, CitationBox } from './dataset-extras.js';
import type { DatasetExtras } from './dataset-extras.loader.js';

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
  const feed = `/feeds/organization/${encodeURIComponent(view.dict.organization.name)}.atom`;
  const atom = `<link rel="alternate" type="application/atom+xml" href="${attr(feed)}" />`;
  return `${links}${atom}<script type="application/ld+json">${jsonLdScriptContent(schemaOrg)}</script>`;
}

/** GET /dataset/:name — description, files to download, metadata, tags, topics, counts. */
export function DatasetPage({
  ctx,
  view,
  extras,
  related = [],
}: {
  ctx: CatalogPageContext;
  view: DatasetPageView;
  /** Change log and citation: public datasets only (null for private and draft ones). */
  extras: DatasetExtras | null;
  /** Related public datasets (same topic, tags, agency). */
  related?: RelatedDatasetView[];
}) {
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
            {ctx.ct('catalog.card.modified', {
              date: formatDate(ctx.locale, d.metadata_modified, ctx.timeZone),
            })}
          </span>
          <VisibilityBadges ctx={ctx} d={view} />
        </p>
        {view.isPrivate ? (
          <p safe class="notice">
            {ctx.ct('catalog.dataset.privateNotice')}
          </p>
        ) : (
          ''
        )}
        {view.isDraft ? (
          <p safe class="notice">
            {ctx.ct('catalog.dataset.draftNotice')}
          </p>
        ) : (
          ''
        )}
      </div>
      <div class="dataset-layout">
        <div class="dataset-main">
          <section aria-labelledby="about-title">
            <h2 safe id="about-title" class="sr-only">
              {ctx.ct('catalog.dataset.about')}
            </h2>
            {view.paragraphs.length ? (
              view.paragraphs.map((p) => (
                <p class="notes" safe>
                  {p}
                </p>
              ))
            ) : (
              <p safe class="empty">
                {ctx.ct('catalog.dataset.noDescription')}
              </p>
            )}
          </section>
          <section aria-labelledby="resources-title">
            <h2 safe id="resources-title">
              {ctx.ct('catalog.dataset.resources')}
            </h2>
            <ResourceList ctx={ctx} view={view} />
          </section>
          <DatastorePreviewSection ctx={ctx} previews={view.datastorePreviews} datasetName={d.name} />
          <section aria-labelledby="info-title">
            <h2 safe id="info-title">
              {ctx.ct('catalog.dataset.info')}
            </h2>
            <MetadataTable ctx={ctx} view={view} />
          </section>
          <StatisticalMetadataSection locale={ctx.locale} dict={d} />
          {extras ? <ChangeLogSection ctx={ctx} extras={extras} /> : ''}
          {extras ? <CitationBox ctx={ctx} extras={extras} /> : ''}
          {extras ? <ShareLinks locale={ctx.locale} url={extras.url} title={d.title} /> : ''}
          {extras ? <FollowForm ctx={ctx} kind="dataset" target={d.name} title={d.title} /> : ''}
          <RelatedDatasets ctx={ctx} items={related} />
          {view.revisions ? <Revisions ctx={ctx} revisions={view.revisions} /> : ''}
          <WorkflowHistory ctx={ctx} instances={view.workflowHistory} />
        </div>
        <DatasetSidebar ctx={ctx} view={view} />
      </div>
    </Layout>
  );
}
