import type { Agency } from '../../../kernel/db/schema.js';
import { labelErrors } from '../../../kernel/http/admin-form.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { AGENCY_KINDS } from '../actions/agency.schema.js';

/** What the agency form shows: the posted values when re-rendered after an error. */
export interface AgencyFormValues {
  code: string;
  name: string;
  shortName: string;
  kind: string;
  regionCode: string;
}

export interface AgencyFormView {
  /** Absent for a new agency. */
  id?: string | undefined;
  values: AgencyFormValues;
  errors?: Record<string, string[]> | undefined;
}

export const EMPTY_AGENCY: AgencyFormValues = {
  code: '',
  name: '',
  shortName: '',
  kind: 'department',
  regionCode: '',
};

/** Form values of a stored agency. */
export function agencyFormValues(a: Agency): AgencyFormValues {
  return {
    code: a.code,
    name: a.name,
    shortName: a.short_name,
    kind: a.kind,
    regionCode: a.region_code ?? '',
  };
}

/** Create or edit one agency. */
export function AgencyFormPage({ ctx, view }: { ctx: PageContext; view: AgencyFormView }) {
  const t = ctx.t;
  const title = view.id ? t('agency.edit') : t('agency.new');
  const action = view.id ? `/admin/agencies/${view.id}/edit` : '/admin/agencies/new';
  const v = view.values;
  const errors = labelErrors(view.errors, {
    code: t('common.code'),
    name: t('common.name'),
    shortName: t('agency.shortName'),
    kind: t('agency.kind'),
    regionCode: t('agency.regionCode'),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p>
        <a safe href="/admin/agencies">
          {t('agency.title')}
        </a>
      </p>
      <FormErrors ctx={ctx} errors={errors} />
      <form method="post" action={action} class="stack narrow">
        <CsrfField ctx={ctx} />
        <label safe for="code">
          {t('common.code')}
        </label>
        <input id="code" name="code" value={v.code} required maxlength="40" autocomplete="off" />
        <label safe for="name">
          {t('common.name')}
        </label>
        <input id="name" name="name" value={v.name} required maxlength="300" />
        <label safe for="shortName">
          {t('agency.shortName')}
        </label>
        <input id="shortName" name="shortName" value={v.shortName} required maxlength="60" />
        <label safe for="kind">
          {t('agency.kind')}
        </label>
        <select id="kind" name="kind" required>
          {AGENCY_KINDS.map((k) => (
            <option safe value={k} selected={v.kind === k}>
              {t(`agency.kind.${k}`)}
            </option>
          ))}
        </select>
        <label safe for="regionCode">
          {t('agency.regionCode')}
        </label>
        <input
          id="regionCode"
          name="regionCode"
          value={v.regionCode}
          maxlength="13"
          inputmode="decimal"
          aria-describedby="regionCodeHelp"
        />
        <small safe id="regionCodeHelp">
          {t('admin.regionCodeHelp')}
        </small>
        <div class="row">
          <button safe type="submit">
            {t('common.save')}
          </button>
          <a safe href="/admin/agencies">
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
