import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import { SITE_PAGE_SLUGS, SITE_PAGE_TITLES } from '../domain/site-pages.js';
import { logoText } from '../logos/logo.messages.js';
import { AdminSection, Area, CuratedLinks, SaveButton } from './curation-admin.parts.js';
import type { IndicatorSource } from './indicator-form.page.js';

type Errors = Record<string, string[]> | undefined;
const c = (ctx: PageContext, key: CurationKey, p: Record<string, string> = {}) =>
  curationText(ctx.locale, key, p);

/** What the portal curation admin's overview page shows: featured datasets, collections, key indicators, sources. */
export interface CurationAdminView {
  collections: { name: string; title: string; count: number }[];
  featured: string;
  featuredErrors?: Errors;
  indicators: { name: string; title: string; dataset: string; featured: boolean }[];
  sources: IndicatorSource[];
}

/** GET /admin/portal — featured datasets, collections, key indicators, site pages. */
export function CurationAdminPage({ ctx, view }: { ctx: PageContext; view: CurationAdminView }) {
  return (
    <Layout ctx={ctx} title={c(ctx, 'admin.title')}>
      <h1 safe>{c(ctx, 'admin.title')}</h1>
      <p safe>{c(ctx, 'admin.lead')}</p>
      <p>
        <a href="/admin/portal/logo" id="logo-admin-link" safe>
          {logoText(ctx.locale, 'logo.manage')}
        </a>
      </p>
      <AdminSection id="featured" title={c(ctx, 'admin.featured')}>
        <form method="post" action="/admin/portal/unggulan">
          <CsrfField ctx={ctx} />
          <FormErrors ctx={ctx} errors={view.featuredErrors} />
          <Area
            id="datasets"
            label={c(ctx, 'admin.datasets')}
            value={view.featured}
            hint={c(ctx, 'admin.datasetsHint')}
          />
          <SaveButton ctx={ctx} />
        </form>
      </AdminSection>
      <AdminSection id="collections" title={c(ctx, 'admin.collections')}>
        <CuratedLinks
          ctx={ctx}
          items={view.collections.map((k) => ({
            href: `/admin/portal/koleksi/${encodeURIComponent(k.name)}`,
            title: k.title,
            note: c(ctx, 'collections.count', { n: String(k.count) }),
          }))}
          newHref="/admin/portal/koleksi-baru"
          newLabel={c(ctx, 'admin.new')}
        />
      </AdminSection>
      <AdminSection id="indicators" title={c(ctx, 'admin.indicators')}>
        <CuratedLinks
          ctx={ctx}
          items={view.indicators.map((k) => ({
            href: `/admin/portal/indikator?name=${encodeURIComponent(k.name)}`,
            title: k.title,
            note: c(ctx, 'admin.source', { dataset: k.dataset }),
          }))}
          newHref="/admin/portal/indikator"
          newLabel={c(ctx, 'admin.newIndicator')}
        />
      </AdminSection>
      <AdminSection id="pages" title={c(ctx, 'admin.pages')}>
        <p>
          <a href="/admin/portal/pesan" safe>
            {c(ctx, 'contact.inbox')}
          </a>
        </p>
        <ul>
          {SITE_PAGE_SLUGS.map((slug) => (
            <li>
              <a href={`/admin/portal/halaman/${slug}`} safe>
                {SITE_PAGE_TITLES[slug][ctx.locale]}
              </a>
            </li>
          ))}
        </ul>
      </AdminSection>
    </Layout>
  );
}
