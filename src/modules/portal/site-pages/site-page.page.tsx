import { Layout } from '../../../kernel/http/layout.js';
import { type CatalogPageContext, formatDate } from '../../catalog/index.js';
import { curationText } from '../curation.messages.js';
import type { SitePageView } from './site-page.loader.js';

/** GET /tentang, /kontak, /faq, /privasi, /ketentuan, /aksesibilitas — Markdown rendered and sanitised. */
export function SitePage({ ctx, view }: { ctx: CatalogPageContext; view: SitePageView }) {
  // Sanitised by renderMarkdown (marked + sanitize-html): no script, style or handler survives.
  const safeHtml = view.html;
  return (
    <Layout ctx={ctx} title={view.title}>
      <article class={`site-page site-page-${view.slug}`}>
        <h1 safe>{view.title}</h1>
        <div class="prose">{safeHtml}</div>
        <p safe class="dataset-card-meta">
          {view.updatedAt
            ? curationText(ctx.locale, 'pages.updated', {
                date: formatDate(ctx.locale, view.updatedAt.toISOString(), ctx.timeZone),
              })
            : curationText(ctx.locale, 'pages.default')}
        </p>
      </article>
    </Layout>
  );
}
