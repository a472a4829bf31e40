import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { type CurationKey, curationText } from '../curation.messages.js';
import { Area, Check, DeleteForm, Field, SaveButton } from './curation-admin.parts.js';

type Errors = Record<string, string[]> | undefined;
const c = (ctx: PageContext, key: CurationKey, p: Record<string, string> = {}) =>
  curationText(ctx.locale, key, p);

/** The form of one curated collection of datasets. */
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
