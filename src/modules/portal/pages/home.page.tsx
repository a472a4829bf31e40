import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { CatalogPageContext } from '../../catalog/index.js';
import {
  type DatasetCardView,
  datasetCardView,
  formatDate,
  organizationList,
  packageSearch,
} from '../../catalog/index.js';
import {
  LatestPublicationsSection,
  latestPublications,
  type PublicationView,
} from '../../dissemination/index.js';
import { HomeCuration } from '../collections/collection.page.js';
import {
  type CollectionCardView,
  type CuratedDatasetView,
  loadCollections,
  loadFeatured,
} from '../collections/curation.loader.js';
import { IndicatorCard } from '../indicators/indicator.page.js';
import { type KeyIndicatorView, loadKeyIndicators } from '../indicators/key-indicators.js';
import { portalText } from '../portal.messages.js';
import { loadTopics, type TopicView } from './groups.page.js';

/** How many key indicators the home page shows. */
const HOME_INDICATORS = 4;

export interface HomeView {
  datasetCount: number;
  agencyCount: number;
  topics: TopicView[];
  newest: DatasetCardView[];
  popular: DatasetCardView[];
  /** The featured key indicators (the first few). */
  indicators: KeyIndicatorView[];
  publications: PublicationView[];
  /** The custodian's featured datasets and home-page collections (public datasets only). */
  featured: CuratedDatasetView[];
  collections: CollectionCardView[];
}

/**
 * The home page's numbers and lists: the published catalog as the public sees it (public,
 * active datasets only, whoever is signed in), read through the same actions as the API.
 */
export async function loadHome(actx: ActionContext, locale: Locale): Promise<HomeView> {
  const search = (sort: string) =>
    executeAction(actx, packageSearch, { rows: 6, sort, facet: false, include_private: false });
  const [newest, popular, agencies, topics, indicators, featured, collections] = await Promise.all([
    search('metadata_modified desc'),
    search('views_total desc, metadata_modified desc'),
    executeAction(actx, organizationList, { all_fields: true, limit: 1000 }) as Promise<
      { package_count?: number }[]
    >,
    loadTopics(actx, locale),
    loadKeyIndicators(actx, locale, { featuredOnly: true }),
    loadFeatured(actx.db),
    loadCollections(actx.db, locale, { onHomeOnly: true }),
  ]);
  return {
    datasetCount: newest.count,
    agencyCount: agencies.filter((a) => (a.package_count ?? 0) > 0).length,
    topics,
    newest: newest.results.map(datasetCardView),
    popular: popular.results.map(datasetCardView),
    indicators: indicators.slice(0, HOME_INDICATORS),
    publications: await latestPublications(actx.db, { limit: 4 }),
    featured,
    collections,
  };
}

function CompactList({
  ctx,
  items,
  detail,
}: {
  ctx: CatalogPageContext;
  items: DatasetCardView[];
  detail: (d: DatasetCardView) => string;
}) {
  if (items.length === 0)
    return (
      <p safe class="empty">
        {ctx.ct('catalog.home.empty')}
      </p>
    );
  return (
    <ul class="compact-list">
      {items.map((d) => (
        <li>
          <a href={`/dataset/${encodeURIComponent(d.name)}`} safe>
            {d.title}
          </a>
          <small>
            <span safe>{d.agencyName}</span> · <span safe>{detail(d)}</span>
          </small>
        </li>
      ))}
    </ul>
  );
}

/** The public home page: search box, the catalog in numbers, topics, newest and most viewed data. */
export function HomePage({ ctx, view }: { ctx: CatalogPageContext; view: HomeView }) {
  const { t, ct } = ctx;
  const region = ctx.site.regionName;
  return (
    <Layout ctx={ctx} title={t('nav.home')}>
      <section class="home-search">
        <h1 safe>{t('home.title', { region })}</h1>
        <p class="hero-lead" safe>
          {t('home.lead', { region })}
        </p>
        <search>
          <form method="get" action="/dataset" class="search-form">
            <label safe for="home-q">
              {ct('catalog.home.searchHeading')}
            </label>
            <div class="search-row">
              <input
                type="search"
                id="home-q"
                name="q"
                placeholder={ct('catalog.search.placeholder')}
                maxlength="500"
              />
              <button safe type="submit">
                {ct('catalog.search.submit')}
              </button>
            </div>
          </form>
        </search>
        <nav class="catalog-nav" aria-label={ct('catalog.nav.sections')}>
          <ul>
            <li>
              <a safe href="/dataset">
                {ct('catalog.nav.datasets')}
              </a>
            </li>
            <li>
              <a safe href="/organization">
                {ct('catalog.nav.organizations')}
              </a>
            </li>
            <li>
              <a safe href="/group">
                {ct('catalog.nav.groups')}
              </a>
            </li>
          </ul>
        </nav>
      </section>
      <section class="stats" aria-labelledby="stats-title">
        <h2 safe id="stats-title" class="sr-only">
          {ct('catalog.home.stats')}
        </h2>
        <dl>
          <div>
            <dt safe>{ct('catalog.home.stats.datasets')}</dt>
            <dd safe class="count-datasets">
              {String(view.datasetCount)}
            </dd>
          </div>
          <div>
            <dt safe>{ct('catalog.home.stats.agencies')}</dt>
            <dd safe class="count-agencies">
              {String(view.agencyCount)}
            </dd>
          </div>
          <div>
            <dt safe>{ct('catalog.home.stats.topics')}</dt>
            <dd safe class="count-topics">
              {String(view.topics.length)}
            </dd>
          </div>
        </dl>
      </section>
      {view.indicators.length ? (
        <section class="home-section" aria-labelledby="indicators-title">
          <h2 safe id="indicators-title">
            {portalText(ctx.locale, 'indicators.title')}
          </h2>
          <ul class="entity-grid indicator-grid">
            {view.indicators.map((k) => (
              <IndicatorCard ctx={ctx} k={k} />
            ))}
          </ul>
          <a safe class="see-all" href="/indikator">
            {portalText(ctx.locale, 'indicators.all')}
          </a>
        </section>
      ) : (
        ''
      )}
      <HomeCuration ctx={ctx} featured={view.featured} collections={view.collections} />
      <section class="home-section" aria-labelledby="topics-title">
        <h2 safe id="topics-title">
          {ct('catalog.home.topics')}
        </h2>
        <ul class="entity-grid">
          {view.topics.map((topic) => (
            <li class="entity-card">
              <h3 class="entity-title">
                <a href={`/group/${encodeURIComponent(topic.name)}`} safe>
                  {topic.title}
                </a>
              </h3>
              <p safe class="entity-count">
                {ct('catalog.count.datasets', { count: topic.datasetCount })}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <div class="home-columns">
        <section aria-labelledby="newest-title">
          <h2 safe id="newest-title">
            {ct('catalog.home.newest')}
          </h2>
          <CompactList
            ctx={ctx}
            items={view.newest}
            detail={(d) =>
              ct('catalog.card.modified', { date: formatDate(ctx.locale, d.modified, ctx.timeZone) })
            }
          />
          <a safe class="see-all" href="/dataset?sort=newest">
            {ct('catalog.home.allDatasets')}
          </a>
        </section>
        <section aria-labelledby="popular-title">
          <h2 safe id="popular-title">
            {ct('catalog.home.popular')}
          </h2>
          <CompactList
            ctx={ctx}
            items={view.popular}
            detail={(d) => ct('catalog.home.views', { count: d.viewCount })}
          />
          <a safe class="see-all" href="/dataset?sort=views">
            {ct('catalog.home.allDatasets')}
          </a>
        </section>
      </div>
      <LatestPublicationsSection ctx={ctx} items={view.publications} />
      <section class="home-section">
        <h2 safe>{t('home.principles')}</h2>
        <ul class="cards">
          <li safe>{t('home.principle.standard')}</li>
          <li safe>{t('home.principle.metadata')}</li>
          <li safe>{t('home.principle.interop')}</li>
          <li safe>{t('home.principle.codes')}</li>
        </ul>
        <a safe class="see-all" href="/organization">
          {ct('catalog.home.allAgencies')}
        </a>
      </section>
    </Layout>
  );
}
