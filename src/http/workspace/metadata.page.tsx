import type { FormValues } from '../../domain/metadata/form-values.js';
import { MS_IND } from '../../domain/metadata/ms-ind.js';
import { MS_KEG, RECOMMENDATION_STATUSES } from '../../domain/metadata/ms-keg.js';
import { MS_VAR } from '../../domain/metadata/ms-var.js';
import { pick } from '../../i18n/i18n.js';
import type { DataStandard } from '../../metadata/data-standard.repository.js';
import type { MetadataDocument } from '../../metadata/metadata-document.js';
import type { StatisticalActivity } from '../../metadata/statistical-activity.repository.js';
import { CsrfField, FormErrors, Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { type MetadataMessageKey, mt } from './metadata.messages.js';
import { answersFromBody, FormBlocks, FormFieldRow } from './metadata-fields.js';

type Errors = Record<string, string[]> | undefined;
const base = (doc: MetadataDocument) => `/workspace/datasets/${encodeURIComponent(doc.name)}/metadata`;

function Missing({ ctx, missing }: { ctx: PageContext; missing: string[] }) {
  return missing.length === 0 ? (
    <span class="badge">{mt(ctx.locale, 'meta.complete')}</span>
  ) : (
    <span class="hint" safe>
      {mt(ctx.locale, 'meta.incomplete', { fields: missing.join(', ') })}
    </span>
  );
}

/** The dataset's metadata at a glance: standard and activity pickers, forms, exports. */
export function MetadataOverviewPage({
  ctx,
  doc,
  standards,
  activities,
}: {
  ctx: PageContext;
  doc: MetadataDocument;
  standards: DataStandard[];
  activities: StatisticalActivity[];
}) {
  const m = (k: MetadataMessageKey, p?: Record<string, string | number>) => mt(ctx.locale, k, p);
  const url = base(doc);
  const keg = doc.completeness.ms_keg;
  return (
    <Layout ctx={ctx} title={m('meta.title')}>
      <h1 safe>{`${m('meta.title')}: ${doc.title}`}</h1>
      <p>{m('meta.lead')}</p>
      <section class="stack">
        <h2>{m('meta.standard')}</h2>
        <form method="post" action={`${url}/standard`} class="stack">
          <CsrfField ctx={ctx} />
          <label for="standard_id">{m('meta.standard')}</label>
          <select id="standard_id" name="standard_id">
            <option value="">{m('meta.standardNone')}</option>
            {standards.map((s) => (
              <option value={s.id} selected={s.id === doc.data_standard?.id} safe>
                {`${s.title}${s.sdsn_code ? ` (${s.sdsn_code})` : ''} · ${m('meta.standardVersion', { version: s.version })}`}
              </option>
            ))}
          </select>
          <button type="submit">{m('meta.standardSave')}</button>
        </form>
      </section>
      <section class="stack">
        <h2>{m('meta.activity')}</h2>
        <form method="post" action={`${url}/activity`} class="stack">
          <CsrfField ctx={ctx} />
          <label for="activity_id">{m('meta.activity')}</label>
          <select id="activity_id" name="activity_id" aria-describedby="activity_id-help">
            <option value="">{m('meta.activityNone')}</option>
            {activities.map((a) => (
              <option value={a.id} selected={a.id === doc.statistical_activity?.id} safe>
                {`${a.title}${a.activity_code ? ` (${a.activity_code})` : ''}`}
              </option>
            ))}
          </select>
          <small id="activity_id-help">{m('meta.activityHelp')}</small>
          <button type="submit">{m('meta.activitySave')}</button>
        </form>
        <p>
          <a href={`${url}/ms-keg`}>{m('meta.fillKeg')}</a>{' '}
          {keg ? <Missing ctx={ctx} missing={keg.flatMap((b) => b.missing)} /> : ''}
        </p>
      </section>
      <section class="stack">
        <h2>{m('meta.variables')}</h2>
        {doc.variables.length === 0 ? (
          <p>{m('meta.noColumns')}</p>
        ) : (
          <>
            <ul>
              {doc.completeness.ms_var.map((v) => (
                <li>
                  <code safe>{v.name}</code> <Missing ctx={ctx} missing={v.missing} />
                </li>
              ))}
            </ul>
            <p>
              <a href={`${url}/ms-var`}>{m('meta.fillVar')}</a>
            </p>
          </>
        )}
      </section>
      <section class="stack">
        <h2>{m('meta.indicators')}</h2>
        {doc.indicators.length === 0 ? (
          <p>{m('meta.noIndicators')}</p>
        ) : (
          <ul>
            {doc.completeness.ms_ind.map((i) => (
              <li>
                <span safe>{i.name}</span> <Missing ctx={ctx} missing={i.missing} />{' '}
                <a href={`${url}/ms-ind/${i.id}`}>{m('meta.editInd')}</a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`${url}/ms-ind`}>{m('meta.addInd')}</a>
        </p>
      </section>
      <section class="stack">
        <h2>{m('meta.exports')}</h2>
        <ul>
          <li>
            <a href={`${url}/ms-keg.xlsx`}>MS-Keg (XLSX)</a>
          </li>
          <li>
            <a href={`${url}/ms-var.xlsx`}>MS-Var (XLSX)</a>
          </li>
          <li>
            <a href={`${url}/ms-ind.xlsx`}>MS-Ind (XLSX)</a>
          </li>
          <li>
            <a href={`${url}.json`}>{m('meta.json')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

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
  children: JSX.Element | JSX.Element[];
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{`${title}: ${doc.title}`}</h1>
      <p>
        <a href={base(doc)}>{mt(ctx.locale, 'meta.back')}</a>
      </p>
      <p class="hint">{mt(ctx.locale, 'meta.requiredNote')}</p>
      <FormErrors ctx={ctx} errors={errors} />
      <form method="post" action={action} class="stack form-grid">
        <CsrfField ctx={ctx} />
        {children}
        <button type="submit">{mt(ctx.locale, 'meta.save')}</button>
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
          <label for="activity_code">{m('meta.activityCode')}</label>
          <input
            id="activity_code"
            name="activity_code"
            value={values.activity_code}
            aria-describedby="activity_code-help"
          />
          <small id="activity_code-help">{m('meta.activityCodeHelp')}</small>
        </div>
        <div class="stack">
          <label for="recommendation_status">{m('meta.recStatus')}</label>
          <select id="recommendation_status" name="recommendation_status">
            {RECOMMENDATION_STATUSES.map((s) => (
              <option value={s.code} selected={s.code === values.recommendation_status} safe>
                {s[l]}
              </option>
            ))}
          </select>
        </div>
        <div class="stack">
          <label for="recommendation_number">{m('meta.recNumber')}</label>
          <input
            id="recommendation_number"
            name="recommendation_number"
            value={values.recommendation_number}
          />
        </div>
        <div class="stack">
          <label for="recommendation_date">{m('meta.recDate')}</label>
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
