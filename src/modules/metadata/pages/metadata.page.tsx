import type { Children } from '@kitajs/html';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import type { FormValues } from '../domain/form-values.js';
import { MS_IND } from '../domain/ms-ind.js';
import { MS_KEG, RECOMMENDATION_STATUSES } from '../domain/ms-keg.js';
import { MS_VAR } from '../domain/ms-var.js';
import type { MetadataDocument } from '../metadata-document.js';
import { type MetadataMessageKey, mt } from './metadata.messages.js';
import { answersFromBody, FormBlocks, FormFieldRow } from './metadata-fields.js';

type Errors = Record<string, string[]> | undefined;
export const base = (doc: MetadataDocument) => `/workspace/datasets/${encodeURIComponent(doc.name)}/metadata`;

function FormPage({
  ctx,
  doc,
  title,
  action,
  errors,
  children,
}: {
  ctx: PageContext;
  doc: MetadataDocument;
  title: string;
  action: string;
  errors: Errors;
  children: Children;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{`${title}: ${doc.title}`}</h1>
      <p>
        <a safe href={base(doc)}>
          {mt(ctx.locale, 'meta.back')}
        </a>
      </p>
      <p safe class="hint">
        {mt(ctx.locale, 'meta.requiredNote')}
      </p>
      <FormErrors ctx={ctx} errors={errors} />
      <form method="post" action={action} class="stack form-grid">
        <CsrfField ctx={ctx} />
        {children}
        <button safe type="submit">
          {mt(ctx.locale, 'meta.save')}
        </button>
      </form>
    </Layout>
  );
}

/** The values an MS-Keg form shows (typed answers plus the activity's columns). */
export interface KegFormValues {
  title: string;
  activity_code: string;
  recommendation_status: string;
  recommendation_number: string;
  recommendation_date: string;
  ms_keg: FormValues;
}

export function MsKegFormPage({
  ctx,
  doc,
  values,
  errors,
}: {
  ctx: PageContext;
  doc: MetadataDocument;
  values: KegFormValues;
  errors?: Errors;
}) {
  const m = (k: MetadataMessageKey) => mt(ctx.locale, k);
  const l = ctx.locale;
  const titleField = MS_KEG.fields.find((f) => f.key === 'judul_kegiatan');
  return (
    <FormPage
      ctx={ctx}
      doc={doc}
      title={pick(l, MS_KEG.title)}
      action={`${base(doc)}/ms-keg`}
      errors={errors}
    >
      <FormBlocks
        def={{ ...MS_KEG, fields: MS_KEG.fields.filter((f) => f.key !== 'judul_kegiatan') }}
        prefix="keg_"
        values={values.ms_keg}
        locale={l}
      >
        {titleField ? (
          <FormFieldRow f={titleField} prefix="keg_" values={{ judul_kegiatan: values.title }} locale={l} />
        ) : (
          ''
        )}
        <div class="stack">
          <label safe for="activity_code">
            {m('meta.activityCode')}
          </label>
          <input
            id="activity_code"
            name="activity_code"
            value={values.activity_code}
            aria-describedby="activity_code-help"
          />
          <small safe id="activity_code-help">
            {m('meta.activityCodeHelp')}
          </small>
        </div>
        <div class="stack">
          <label safe for="recommendation_status">
            {m('meta.recStatus')}
          </label>
          <select id="recommendation_status" name="recommendation_status">
            {RECOMMENDATION_STATUSES.map((s) => (
              <option value={s.code} selected={s.code === values.recommendation_status} safe>
                {s[l]}
              </option>
            ))}
          </select>
        </div>
        <div class="stack">
          <label safe for="recommendation_number">
            {m('meta.recNumber')}
          </label>
          <input
            id="recommendation_number"
            name="recommendation_number"
            value={values.recommendation_number}
          />
        </div>
        <div class="stack">
          <label safe for="recommendation_date">
            {m('meta.recDate')}
          </label>
          <input
            id="recommendation_date"
            name="recommendation_date"
            type="date"
            value={values.recommendation_date}
          />
        </div>
      </FormBlocks>
    </FormPage>
  );
}

export function MsVarFormPage({
  ctx,
  doc,
  errors,
}: {
  ctx: PageContext;
  doc: MetadataDocument;
  errors?: Errors;
}) {
  return (
    <FormPage
      ctx={ctx}
      doc={doc}
      title={pick(ctx.locale, MS_VAR.title)}
      action={`${base(doc)}/ms-var`}
      errors={errors}
    >
      {doc.variables.map((v, i) => (
        <fieldset class="stack">
          <legend safe>{mt(ctx.locale, 'meta.column', { name: v.name, resource: v.resource_name })}</legend>
          {MS_VAR.fields.map((f) => (
            <FormFieldRow f={f} prefix={`var${i}_`} values={v.ms_var} locale={ctx.locale} />
          ))}
        </fieldset>
      ))}
    </FormPage>
  );
}

export function MsIndFormPage({
  ctx,
  doc,
  indicatorId,
  values,
  errors,
}: {
  ctx: PageContext;
  doc: MetadataDocument;
  indicatorId: string | null;
  values: FormValues;
  errors?: Errors;
}) {
  const action = `${base(doc)}/ms-ind${indicatorId ? `/${indicatorId}` : ''}`;
  return (
    <FormPage ctx={ctx} doc={doc} title={pick(ctx.locale, MS_IND.title)} action={action} errors={errors}>
      <FormBlocks def={MS_IND} prefix="ind_" values={values} locale={ctx.locale} />
    </FormPage>
  );
}

export { answersFromBody };
