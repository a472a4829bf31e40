import { Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import type { PublicationView } from '../publication.repository.js';
import { msg, pick, Select } from './form-parts.js';

/** A publication's card (gallery and home page). */
export function PublicationCard({ ctx, p }: { ctx: PageContext; p: PublicationView }) {
  const m = msg(ctx);
  return (
    <li class="publication-card" data-publication={p.name}>
      <a href={`/publikasi/${p.name}`} safe>
        {pick(ctx, p.title, p.title_en)}
      </a>
      <small>
        <span safe>{m(`kind.${p.kind}`)}</span>
        {p.published_at ? (
          <span safe> · {m('gallery.publishedOn', { date: p.published_at.toISOString().slice(0, 10) })}</span>
        ) : (
          ''
        )}
      </small>
    </li>
  );
}

/** GET /publikasi — the gallery: search words and a topic filter, no script. */
export function GalleryPage(props: {
  ctx: PageContext;
  items: PublicationView[];
  topics: { name: string; title: string }[];
  q: string;
  topic: string;
}) {
  const { ctx } = props;
  const m = msg(ctx);
  return (
    <Layout ctx={ctx} title={m('gallery.title')}>
      <h1 safe>{m('gallery.title')}</h1>
      <p class="lead" safe>
        {m('gallery.lead', { region: ctx.site.regionName })}
      </p>
      <form method="get" action="/publikasi">
        <p>
          <label for="q" safe>
            {m('gallery.search')}
          </label>
          <input id="q" name="q" type="search" value={props.q} />
        </p>
        <Select
          id="topic"
          label={m('gallery.topic')}
          value={props.topic}
          options={[
            ['', m('gallery.allTopics')],
            ...props.topics.map((t): [string, string] => [t.name, t.title]),
          ]}
        />
        <button type="submit" safe>
          {m('gallery.submit')}
        </button>
      </form>
      {props.items.length === 0 ? (
        <p class="empty" safe>
          {m('gallery.empty')}
        </p>
      ) : (
        <ul class="cards" id="publications">
          {props.items.map((p) => (
            <PublicationCard ctx={ctx} p={p} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The home page's section: the latest publications (portal's home renders it). */
export function LatestPublicationsSection({ ctx, items }: { ctx: PageContext; items: PublicationView[] }) {
  if (items.length === 0) return '';
  const m = msg(ctx);
  return (
    <section class="home-section" aria-labelledby="publications-title" id="home-publications">
      <h2 id="publications-title" safe>
        {m('home.title')}
      </h2>
      <ul class="compact-list">
        {items.map((p) => (
          <PublicationCard ctx={ctx} p={p} />
        ))}
      </ul>
      <a class="see-all" href="/publikasi" safe>
        {m('home.all')}
      </a>
    </section>
  );
}
