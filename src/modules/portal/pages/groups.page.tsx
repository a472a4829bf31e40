import { executeAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { Layout } from '../../../kernel/http/layout.js';
import type { Locale } from '../../../kernel/i18n/i18n.js';
import type { CatalogPageContext } from '../../catalog/index.js';
import {
  Breadcrumb,
  fieldQuery,
  groupList,
  groupShow,
  SearchForm,
  type SearchState,
} from '../../catalog/index.js';
import { FollowForm } from '../follow/follow.page.js';
import { loadSearch, SearchSection, type SearchView } from './dataset-search.page.js';

export interface TopicView {
  name: string;
  title: string;
  description: string;
  datasetCount: number;
}

type GroupDict = {
  name: string;
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  package_count?: number;
};

/** A topic in the reader's language: English title and description when they exist. */
export function topicView(g: GroupDict, locale: Locale): TopicView {
  const en = locale === 'en';
  return {
    name: g.name,
    title: (en && g.title_en) || g.title,
    description: (en && g.description_en) || g.description,
    datasetCount: g.package_count ?? 0,
  };
}

/** Every topic with its number of public datasets (`group_list`, all fields). */
export async function loadTopics(actx: ActionContext, locale: Locale): Promise<TopicView[]> {
  const list = (await executeAction(actx, groupList, { all_fields: true, limit: 1000 })) as GroupDict[];
  return list.map((g) => topicView(g, locale)).sort((a, b) => a.title.localeCompare(b.title, locale));
}

/** One topic (`group_show`) and its datasets, searched within the topic. */
export async function loadTopic(
  actx: ActionContext,
  locale: Locale,
  name: string,
  state: SearchState,
): Promise<{ topic: TopicView; search: SearchView }> {
  const dict = (await executeAction(actx, groupShow, { id: name })) as GroupDict;
  const topic = topicView(dict, locale);
  const search = await loadSearch(actx, locale, state, {
    basePath: `/group/${encodeURIComponent(topic.name)}`,
    fq: fieldQuery('groups', topic.name),
    fixedFacet: 'groups',
  });
  return { topic, search };
}

/** GET /group — the topics datasets are grouped by, with their dataset counts. */
export function GroupsPage({ ctx, topics }: { ctx: CatalogPageContext; topics: TopicView[] }) {
  const title = ctx.ct('catalog.group.title');
  return (
    <Layout ctx={ctx} title={title}>
      <div class="catalog-head">
        <h1 safe>{title}</h1>
        <p safe class="lead">
          {ctx.ct('catalog.group.lead')}
        </p>
      </div>
      {topics.length === 0 ? (
        <p safe class="empty">
          {ctx.ct('catalog.group.empty')}
        </p>
      ) : (
        <ul class="entity-grid">
          {topics.map((t) => (
            <li class="entity-card">
              <h2>
                <a href={`/group/${encodeURIComponent(t.name)}`} safe>
                  {t.title}
                </a>
              </h2>
              {t.description ? (
                <p class="entity-description" safe>
                  {t.description}
                </p>
              ) : (
                ''
              )}
              <p safe class="entity-count">
                {ctx.ct('catalog.count.datasets', { count: t.datasetCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** GET /group/:name — a topic and a searchable, paged list of its datasets. */
export function GroupPage({
  ctx,
  topic,
  search,
}: {
  ctx: CatalogPageContext;
  topic: TopicView;
  search: SearchView;
}) {
  return (
    <Layout ctx={ctx} title={topic.title}>
      <Breadcrumb ctx={ctx} links={[{ href: '/group', text: ctx.ct('catalog.nav.groups') }]} />
      <div class="catalog-head">
        <h1 safe>{topic.title}</h1>
        {topic.description ? (
          <p class="lead" safe>
            {topic.description}
          </p>
        ) : (
          ''
        )}
        <SearchForm ctx={ctx} view={search} label={ctx.ct('catalog.group.datasets')} />
      </div>
      <SearchSection ctx={ctx} view={search} />
      <FollowForm ctx={ctx} kind="group" target={topic.name} title={topic.title} />
    </Layout>
  );
}
