import type { Agency } from '../../db/schema.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';

export interface HomeView {
  agencies: Agency[];
  districtCount: number;
  villageCount: number;
}

/** The public home page: what this portal is, the region's numbers, its producing agencies. */
export function HomePage({ ctx, view }: { ctx: PageContext; view: HomeView }) {
  const t = ctx.t;
  const region = ctx.site.regionName;
  return (
    <Layout ctx={ctx} title={t('nav.home')}>
      <section class="hero">
        <h1 safe>{t('home.title', { region })}</h1>
        <p safe>{t('home.lead', { region })}</p>
      </section>
      <section class="stats" aria-label={t('home.principles')}>
        <dl>
          <div>
            <dt>{t('home.stats.agencies')}</dt>
            <dd>{view.agencies.length}</dd>
          </div>
          <div>
            <dt>{t('home.stats.districts')}</dt>
            <dd>{view.districtCount}</dd>
          </div>
          <div>
            <dt>{t('home.stats.regions')}</dt>
            <dd>{view.villageCount}</dd>
          </div>
        </dl>
      </section>
      <section>
        <h2>{t('home.principles')}</h2>
        <ul class="cards">
          <li>{t('home.principle.standard')}</li>
          <li>{t('home.principle.metadata')}</li>
          <li>{t('home.principle.interop')}</li>
          <li>{t('home.principle.codes')}</li>
        </ul>
      </section>
      <section>
        <h2>{t('home.agencies')}</h2>
        <ul class="agency-list">
          {view.agencies.map((a) => (
            <li>
              <strong safe>{a.short_name}</strong> <span safe>{a.name}</span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
