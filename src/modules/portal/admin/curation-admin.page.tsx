import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import { SITE_PAGE_SLUGS, SITE_PAGE_TITLES, type SitePageSlugName } from '../domain/site-pages.js';
import { logoText } from '../logos/logo.messages.js';
import {
  AdminSection,
  Area,
  Check,
  CuratedLinks,
  DeleteForm,
  Field,
  SaveButton,
} from './curation-admin.parts.js';

type Errors = Record<string, string[]> | undefined;
const c = (ctx: PageContext, key: CurationKey, p: Record<string, string> = {}) =>
  curationText(ctx.locale, key, p);

export interface CollectionFormValues {
  name: string;
  title: string;
  title_en: string;
  description: string;
  description_en: string;
  position: string;
  on_home: boolean;
  datasets: string;
}

export const EMPTY_COLLECTION: CollectionFormValues = {
  name: '',
  title: '',
  title_en: '',
  description: '',
  description_en: '',
  position: '0',
  on_home: true,
  datasets: '',
};

export interface IndicatorFormValues {
  name: string;
  title: string;
  title_en: string;
  resource_id: string;
  period_field: string;
  value_field: string;
  unit: string;
  definition: string;
  position: string;
  featured: boolean;
}

export const EMPTY_INDICATOR: IndicatorFormValues = {
  name: '',
  title: '',
  title_en: '',
  resource_id: '',
  period_field: '',
  value_field: '',
  unit: '',
  definition: '',
  position: '0',
  featured: true,
};

export interface CurationAdminView {
  collections: { name: string; title: string; count: number }[];
  featured: string;
  featuredErrors?: Errors;
  indicators: { name: string; title: string; dataset: string; featured: boolean }[];
  sources: { id: string; label: string; columns: string[] }[];
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

/** GET /admin/portal/koleksi/:name (or koleksi-baru) — one collection's form. */
export function CollectionFormPage({
  ctx,
  values,
  isNew,
  errors,
}: {
  ctx: PageContext;
  values: CollectionFormValues;
  isNew: boolean;
  errors?: Errors;
}) {
  const title = isNew ? c(ctx, 'admin.new') : values.title;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <form method="post" action="/admin/portal/koleksi">
        <CsrfField ctx={ctx} />
        <FormErrors ctx={ctx} errors={errors} />
        {isNew ? (
          <Field id="name" label={c(ctx, 'admin.name')} value={values.name} />
        ) : (
          <input type="hidden" name="name" value={values.name} />
        )}
        <Field id="title" label={c(ctx, 'admin.titleId')} value={values.title} />
        <Field id="title_en" label={c(ctx, 'admin.titleEn')} value={values.title_en} />
        <Area id="description" label={c(ctx, 'admin.descId')} value={values.description} />
        <Area id="description_en" label={c(ctx, 'admin.descEn')} value={values.description_en} />
        <Field id="position" label={c(ctx, 'admin.position')} value={values.position} />
        <Check id="on_home" label={c(ctx, 'admin.onHome')} checked={values.on_home} />
        <Area
          id="datasets"
          label={c(ctx, 'admin.datasets')}
          value={values.datasets}
          rows={8}
          hint={c(ctx, 'admin.datasetsHint')}
        />
        <SaveButton ctx={ctx} />
      </form>
      {isNew ? (
        ''
      ) : (
        <DeleteForm ctx={ctx} action={`/admin/portal/koleksi/${encodeURIComponent(values.name)}/hapus`} />
      )}
    </Layout>
  );
}

/** GET /admin/portal/indikator — pick a key indicator from a published table. */
export function IndicatorFormPage({
  ctx,
  values,
  sources,
  errors,
}: {
  ctx: PageContext;
  values: IndicatorFormValues;
  sources: CurationAdminView['sources'];
  errors?: Errors;
}) {
  const title = values.name ? values.title || values.name : c(ctx, 'admin.newIndicator');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <form method="post" action="/admin/portal/indikator">
        <CsrfField ctx={ctx} />
        <FormErrors ctx={ctx} errors={errors} />
        <Field id="name" label={c(ctx, 'admin.name')} value={values.name} />
        <Field id="title" label={c(ctx, 'admin.titleId')} value={values.title} />
        <Field id="title_en" label={c(ctx, 'admin.titleEn')} value={values.title_en} />
        <p>
          <label for="resource_id" safe>
            {c(ctx, 'admin.resource')}
          </label>
          <select id="resource_id" name="resource_id">
            {sources.map((s) => (
              <option value={s.id} selected={s.id === values.resource_id} safe>
                {`${s.label} (${s.columns.join(', ')})`}
              </option>
            ))}
          </select>
        </p>
        <Field id="period_field" label={c(ctx, 'admin.periodField')} value={values.period_field} />
        <Field id="value_field" label={c(ctx, 'admin.valueField')} value={values.value_field} />
        <Field id="unit" label={c(ctx, 'admin.unit')} value={values.unit} />
        <Area id="definition" label={c(ctx, 'admin.definition')} value={values.definition} />
        <Field id="position" label={c(ctx, 'admin.position')} value={values.position} />
        <Check id="featured" label={c(ctx, 'admin.featuredFlag')} checked={values.featured} />
        <SaveButton ctx={ctx} />
      </form>
      {values.name ? (
        <DeleteForm ctx={ctx} action={`/admin/portal/indikator/${encodeURIComponent(values.name)}/hapus`} />
      ) : (
        ''
      )}
    </Layout>
  );
}

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

/** GET /admin/portal/pesan — messages sent through the contact page, newest first. */
export function ContactInboxPage({
  ctx,
  messages,
}: {
  ctx: PageContext;
  messages: { name: string; email: string; body: string; at: string }[];
}) {
  const title = c(ctx, 'contact.inbox');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {messages.length ? (
        <ol class="contact-messages">
          {messages.map((m) => (
            <li>
              <p>
                <strong safe>{c(ctx, 'contact.from', { name: m.name, email: m.email, date: m.at })}</strong>
              </p>
              <p class="notes" safe>
                {m.body}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p safe>{c(ctx, 'admin.none')}</p>
      )}
    </Layout>
  );
}
