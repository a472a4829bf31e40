import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import { type CatalogPageContext, formatDate } from '../../catalog/index.js';
import { curationText } from '../curation.messages.js';
import type { SitePageView } from './site-page.loader.js';

/** GET /tentang, /kontak, /faq, /privasi, /ketentuan, /aksesibilitas — Markdown rendered and sanitised. */
export interface ContactFormView {
  values: { name: string; email: string; body: string };
  errors?: Record<string, string[]>;
  sent?: boolean;
}

/** The contact page's message form (no account; CSRF, rate limit and a honeypot field). */
function ContactForm({ ctx, form }: { ctx: CatalogPageContext; form: ContactFormView }) {
  const c = (k: Parameters<typeof curationText>[1]) => curationText(ctx.locale, k);
  return (
    <section aria-labelledby="contact-title" class="contact-form">
      <h2 id="contact-title" safe>
        {c('contact.title')}
      </h2>
      {form.sent ? (
        <p class="notice" role="status" safe>
          {c('contact.sent')}
        </p>
      ) : (
        ''
      )}
      <form method="post" action="/kontak">
        <CsrfField ctx={ctx} />
        <FormErrors ctx={ctx} errors={form.errors} />
        <p>
          <label for="contact-name" safe>
            {c('contact.name')}
          </label>
          <input
            id="contact-name"
            name="name"
            maxlength="200"
            required
            value={form.values.name}
            autocomplete="name"
          />
        </p>
        <p>
          <label for="contact-email" safe>
            {c('contact.email')}
          </label>
          <input
            id="contact-email"
            name="email"
            type="email"
            maxlength="254"
            required
            value={form.values.email}
            autocomplete="email"
          />
        </p>
        <p>
          <label for="contact-body" safe>
            {c('contact.body')}
          </label>
          <textarea id="contact-body" name="body" rows="6" maxlength="5000" required safe>
            {form.values.body}
          </textarea>
        </p>
        <p class="sr-only" aria-hidden="true">
          <label for="contact-website" safe>
            {c('contact.trap')}
          </label>
          <input id="contact-website" name="website" tabindex="-1" autocomplete="off" />
        </p>
        <button type="submit" safe>
          {c('contact.send')}
        </button>
      </form>
    </section>
  );
}

export function SitePage({
  ctx,
  view,
  contact,
}: {
  ctx: CatalogPageContext;
  view: SitePageView;
  /** /kontak only: the message form. */
  contact?: ContactFormView;
}) {
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
        {contact ? <ContactForm ctx={ctx} form={contact} /> : ''}
      </article>
    </Layout>
  );
}
