import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type LogoKey, logoText } from './logo.messages.js';

export interface LogoRowView {
  /** `region` or the agency's id (the form's target). */
  target: string;
  name: string;
  /** Where the current logo is served, and its alternative text; null: none yet. */
  current: { src: string; alt: string } | null;
}

export interface LogoAdminView {
  region: LogoRowView;
  agencies: LogoRowView[];
  /** The form that failed, with what was typed and its errors. */
  failed?: { target: string; alt_id: string; alt_en: string; errors: Record<string, string[]> };
}

const l = (ctx: PageContext, key: LogoKey) => logoText(ctx.locale, key);

/** One upload form: file, alternative text in both languages (ids made unique by `prefix`). */
function LogoForm({
  ctx,
  row,
  view,
  prefix,
}: {
  ctx: PageContext;
  row: LogoRowView;
  view: LogoAdminView;
  prefix: string;
}) {
  const failed = view.failed?.target === row.target ? view.failed : undefined;
  const labels = { file: l(ctx, 'logo.file'), alt_id: l(ctx, 'logo.altId'), alt_en: l(ctx, 'logo.altEn') };
  return (
    <form method="post" action="/admin/portal/logo" enctype="multipart/form-data" id={`${prefix}-form`}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="target" value={row.target} />
      <FormErrors ctx={ctx} errors={failed?.errors} labels={labels} />
      {row.current ? (
        <p>
          <span safe>{l(ctx, 'logo.current')}</span>:{' '}
          <img src={row.current.src} alt={row.current.alt} height="48" class="logo-preview" />
        </p>
      ) : (
        <p safe>{l(ctx, 'logo.none')}</p>
      )}
      {(['alt_id', 'alt_en'] as const).map((f) => (
        <p>
          <label for={`${prefix}-${f}`} safe>
            {labels[f]}
          </label>
          <input
            id={`${prefix}-${f}`}
            name={f}
            required
            maxlength="200"
            value={failed?.[f] ?? ''}
            aria-describedby={`${prefix}-alt-hint`}
          />
        </p>
      ))}
      <small id={`${prefix}-alt-hint`} safe>
        {l(ctx, 'logo.altHint')}
      </small>
      <p>
        <label for={`${prefix}-file`} safe>
          {labels.file}
        </label>
        <input
          id={`${prefix}-file`}
          type="file"
          name="file"
          required
          accept="image/png,image/jpeg,image/svg+xml"
        />
      </p>
      <button type="submit" safe>
        {l(ctx, 'logo.upload')}
      </button>
    </form>
  );
}

/** GET /admin/portal/logo — the region's logo and each agency's, with upload forms. */
export function LogoAdminPage({ ctx, view }: { ctx: PageContext; view: LogoAdminView }) {
  return (
    <Layout ctx={ctx} title={l(ctx, 'logo.title')}>
      <h1 safe>{l(ctx, 'logo.title')}</h1>
      <p safe>{l(ctx, 'logo.lead')}</p>
      <section aria-labelledby="region-logo-h">
        <h2 id="region-logo-h" safe>
          {l(ctx, 'logo.region')}
        </h2>
        <LogoForm ctx={ctx} row={view.region} view={view} prefix="region" />
      </section>
      <section aria-labelledby="agency-logos-h">
        <h2 id="agency-logos-h" safe>
          {l(ctx, 'logo.agencies')}
        </h2>
        {view.agencies.map((a, i) => (
          <details open={view.failed?.target === a.target}>
            <summary safe>{a.name}</summary>
            <LogoForm ctx={ctx} row={a} view={view} prefix={`agency-${i}`} />
          </details>
        ))}
      </section>
    </Layout>
  );
}
