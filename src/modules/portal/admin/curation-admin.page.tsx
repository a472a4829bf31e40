import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import { SITE_PAGE_SLUGS, SITE_PAGE_TITLES, type SitePageSlugName } from '../domain/site-pages.js';
import { logoText } from '../logos/logo.messages.js';

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

function Field({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  return (
    <p>
      <label for={id} safe>
        {label}
      </label>
      <input id={id} name={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint ? (
        <small id={`${id}-hint`} safe>
          {hint}
        </small>
      ) : (
        ''
      )}
    </p>
  );
}

function Area({
  id,
  label,
  value,
  rows = 4,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  rows?: number;
  hint?: string;
}) {
  return (
    <p>
      <label for={id} safe>
        {label}
      </label>
      <textarea id={id} name={id} rows={String(rows)} aria-describedby={hint ? `${id}-hint` : undefined} safe>
        {value}
      </textarea>
      {hint ? (
        <small id={`${id}-hint`} safe>
          {hint}
        </small>
      ) : (
        ''
      )}
    </p>
  );
}

function Check({ id, label, checked }: { id: string; label: string; checked: boolean }) {
  return (
    <p>
      <input type="checkbox" id={id} name={id} value="true" checked={checked} />{' '}
      <label for={id} safe>
        {label}
      </label>
    </p>
  );
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
      <section aria-labelledby="featured-h">
        <h2 id="featured-h" safe>
          {c(ctx, 'admin.featured')}
        </h2>
        <form method="post" action="/admin/portal/unggulan">
          <CsrfField ctx={ctx} />
          <FormErrors ctx={ctx} errors={view.featuredErrors} />
          <Area
            id="datasets"
            label={c(ctx, 'admin.datasets')}
            value={view.featured}
            hint={c(ctx, 'admin.datasetsHint')}
          />
          <button type="submit" safe>
            {c(ctx, 'admin.save')}
          </button>
        </form>
      </section>
      <section aria-labelledby="collections-h">
        <h2 id="collections-h" safe>
          {c(ctx, 'admin.collections')}
        </h2>
        {view.collections.length ? (
          <ul>
            {view.collections.map((k) => (
              <li>
                <a href={`/admin/portal/koleksi/${encodeURIComponent(k.name)}`} safe>
                  {k.title}
                </a>{' '}
                <small safe>{c(ctx, 'collections.count', { n: String(k.count) })}</small>
              </li>
            ))}
          </ul>
        ) : (
          <p safe>{c(ctx, 'admin.none')}</p>
        )}
        <a href="/admin/portal/koleksi-baru" safe>
          {c(ctx, 'admin.new')}
        </a>
      </section>
      <section aria-labelledby="indicators-h">
        <h2 id="indicators-h" safe>
          {c(ctx, 'admin.indicators')}
        </h2>
        {view.indicators.length ? (
          <ul>
            {view.indicators.map((k) => (
              <li>
                <a href={`/admin/portal/indikator?name=${encodeURIComponent(k.name)}`} safe>
                  {k.title}
                </a>{' '}
                <small safe>{c(ctx, 'admin.source', { dataset: k.dataset })}</small>
              </li>
            ))}
          </ul>
        ) : (
          <p safe>{c(ctx, 'admin.none')}</p>
        )}
        <a href="/admin/portal/indikator" safe>
          {c(ctx, 'admin.newIndicator')}
        </a>
      </section>
      <section aria-labelledby="pages-h">
        <h2 id="pages-h" safe>
          {c(ctx, 'admin.pages')}
        </h2>
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
      </section>
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
        <button type="submit" safe>
          {c(ctx, 'admin.save')}
        </button>
      </form>
      {isNew ? (
        ''
      ) : (
        <form method="post" action={`/admin/portal/koleksi/${encodeURIComponent(values.name)}/hapus`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger" safe>
            {c(ctx, 'admin.delete')}
          </button>
        </form>
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
        <button type="submit" safe>
          {c(ctx, 'admin.save')}
        </button>
      </form>
      {values.name ? (
        <form method="post" action={`/admin/portal/indikator/${encodeURIComponent(values.name)}/hapus`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="danger" safe>
            {c(ctx, 'admin.delete')}
          </button>
        </form>
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
        <button type="submit" safe>
          {c(ctx, 'admin.save')}
        </button>
      </form>
      <section aria-labelledby="revisions-h">
        <h2 id="revisions-h" safe>
          {c(ctx, 'admin.revisions')}
        </h2>
        {revisions.length ? (
          <ol class="revision-list">
            {revisions.map((r) => (
              <li safe>{c(ctx, 'admin.revision', { date: r.at, user: r.user })}</li>
            ))}
          </ol>
        ) : (
          <p safe>{c(ctx, 'admin.none')}</p>
        )}
      </section>
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
