import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import { SITE_PAGE_TITLES, type SitePageSlugName } from '../domain/site-pages.js';
import { AdminSection, Area, SaveButton } from './curation-admin.parts.js';

type Errors = Record<string, string[]> | undefined;
const c = (ctx: PageContext, key: CurationKey, p: Record<string, string> = {}) =>
  curationText(ctx.locale, key, p);

/** The form of a government page (about, contact, FAQ, …) in both languages, with its revisions. */
/** GET /admin/portal/halaman/:slug — a government page's Markdown in both languages, with its revisions. */
export function SitePageFormPage({
  ctx,
  slug,
  values,
  revisions,
  errors,
}: {
  ctx: PageContext;
  slug: SitePageSlugName;
  values: { body_id: string; body_en: string };
  revisions: { at: string; user: string }[];
  errors?: Errors;
}) {
  const title = SITE_PAGE_TITLES[slug][ctx.locale];
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p>
        <a href={`/${slug}`} safe>
          {c(ctx, 'admin.view')}
        </a>
      </p>
      <form method="post" action={`/admin/portal/halaman/${slug}`}>
        <CsrfField ctx={ctx} />
        <FormErrors ctx={ctx} errors={errors} />
        <Area
          id="body_id"
          label={c(ctx, 'admin.bodyId')}
          value={values.body_id}
          rows={14}
          hint={c(ctx, 'admin.markdownHint')}
        />
        <Area id="body_en" label={c(ctx, 'admin.bodyEn')} value={values.body_en} rows={14} />
        <SaveButton ctx={ctx} />
      </form>
      <AdminSection id="revisions" title={c(ctx, 'admin.revisions')}>
        {revisions.length ? (
          <ol class="revision-list">
            {revisions.map((r) => (
              <li safe>{c(ctx, 'admin.revision', { date: r.at, user: r.user })}</li>
            ))}
          </ol>
        ) : (
          <p safe>{c(ctx, 'admin.none')}</p>
        )}
      </AdminSection>
    </Layout>
  );
}
