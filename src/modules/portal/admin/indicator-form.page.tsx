import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import { Area, Check, DeleteForm, Field, SaveButton } from './curation-admin.parts.js';

type Errors = Record<string, string[]> | undefined;
const c = (ctx: PageContext, key: CurationKey, p: Record<string, string> = {}) =>
  curationText(ctx.locale, key, p);

/** The form of one key indicator, picked from a published table. */
/** A published table a key indicator can be read from, with its columns. */
export interface IndicatorSource {
  id: string;
  label: string;
  columns: string[];
}

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

/** GET /admin/portal/indikator — pick a key indicator from a published table. */
export function IndicatorFormPage({
  ctx,
  values,
  sources,
  errors,
}: {
  ctx: PageContext;
  values: IndicatorFormValues;
  sources: IndicatorSource[];
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
