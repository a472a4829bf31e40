import { escapeHtml } from '@kitajs/html';
import { GRANTABLE_ROLES } from '../../../kernel/access/roles.js';
import type { Agency } from '../../../kernel/db/schema.js';
import { labelErrors } from '../../../kernel/http/admin-form.js';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';

/** What the user form shows: the posted values when re-rendered after an error. */
export interface UserFormValues {
  username: string;
  fullName: string;
  email: string;
  agencyId: string;
  roles: string[];
  state: string;
}

export interface UserFormView {
  /** Absent for a new account. */
  id?: string | undefined;
  values: UserFormValues;
  agencies: Agency[];
  /** Set when the account is locked after failed logins: offers "unlock". */
  lockedUntil?: Date | null | undefined;
  errors?: Record<string, string[]> | undefined;
}

export const EMPTY_USER: UserFormValues = {
  username: '',
  fullName: '',
  email: '',
  agencyId: '',
  roles: [],
  state: 'active',
};

/** The agency drop-down; '' means "no agency" (region-wide roles). */
function AgencySelect({ ctx, view }: { ctx: PageContext; view: UserFormView }) {
  return (
    <>
      <label safe for="agencyId">
        {ctx.t('user.agency')}
      </label>
      <select id="agencyId" name="agencyId">
        <option safe value="" selected={view.values.agencyId === ''}>
          {ctx.t('user.noAgency')}
        </option>
        {view.agencies.map((a) => (
          <option value={a.id} selected={view.values.agencyId === a.id} safe>
            {`${a.short_name} — ${a.name}`}
          </option>
        ))}
      </select>
    </>
  );
}

/** One checkbox per grantable role. */
function RoleChecks({ ctx, roles }: { ctx: PageContext; roles: string[] }) {
  return (
    <fieldset>
      <legend safe>{ctx.t('user.roles')}</legend>
      {GRANTABLE_ROLES.map((r) => (
        <div>
          <input type="checkbox" id={`role-${r}`} name="roles" value={r} checked={roles.includes(r)} />{' '}
          <label safe for={`role-${r}`}>
            {ctx.t(`role.${r}`)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Only on edit: active/disabled, and "unlock" while a login lockout runs. */
function StateFields({ ctx, view }: { ctx: PageContext; view: UserFormView }) {
  const t = ctx.t;
  return (
    <>
      <label safe for="state">
        {t('user.state')}
      </label>
      <select id="state" name="state">
        {(['active', 'disabled'] as const).map((s) => (
          <option safe value={s} selected={view.values.state === s}>
            {t(`user.state.${s}`)}
          </option>
        ))}
      </select>
      {view.lockedUntil ? (
        <div>
          <input type="checkbox" id="unlock" name="unlock" value="1" aria-describedby="lockedHelp" />{' '}
          <label safe for="unlock">
            {t('user.unlock')}
          </label>{' '}
          <small id="lockedHelp" safe>
            {t('user.locked', { time: formatDateTime(ctx.locale, view.lockedUntil, ctx.timeZone) })}
          </small>
        </div>
      ) : (
        ''
      )}
    </>
  );
}

/** Create or edit one account. The user name is fixed once created. */
export function UserFormPage({ ctx, view }: { ctx: PageContext; view: UserFormView }) {
  const t = ctx.t;
  const isNew = !view.id;
  const title = isNew ? t('user.new') : t('user.edit');
  const v = view.values;
  const errors = labelErrors(view.errors, {
    username: t('user.username'),
    fullName: t('user.fullName'),
    email: t('user.email'),
    password: t('user.password'),
    agencyId: t('user.agency'),
    roles: t('user.roles'),
    state: t('user.state'),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <p>
        <a safe href="/admin/users">
          {t('user.title')}
        </a>
      </p>
      <FormErrors ctx={ctx} errors={errors} />
      <form
        method="post"
        action={isNew ? '/admin/users/new' : `/admin/users/${view.id}/edit`}
        class="stack narrow"
      >
        <CsrfField ctx={ctx} />
        {isNew ? (
          <>
            <label safe for="username">
              {t('user.username')}
            </label>
            <input
              id="username"
              name="username"
              value={v.username}
              required
              maxlength="40"
              autocomplete="off"
            />
          </>
        ) : (
          <p>
            {escapeHtml(t('user.username'))}: <code safe>{v.username}</code>
          </p>
        )}
        <label safe for="fullName">
          {t('user.fullName')}
        </label>
        <input id="fullName" name="fullName" value={v.fullName} required maxlength="200" />
        <label safe for="email">
          {t('user.email')}
        </label>
        <input id="email" name="email" type="email" value={v.email} maxlength="200" />
        {isNew ? (
          <>
            <label safe for="password">
              {t('user.password')}
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required
              minlength="10"
              aria-describedby="passwordHelp"
            />
            <small safe id="passwordHelp">
              {t('account.passwordHelp')}
            </small>
          </>
        ) : (
          ''
        )}
        <AgencySelect ctx={ctx} view={view} />
        {isNew || ctx.can('user:assign_role') ? <RoleChecks ctx={ctx} roles={v.roles} /> : ''}
        {isNew ? '' : <StateFields ctx={ctx} view={view} />}
        <div class="row">
          <button safe type="submit">
            {t('common.save')}
          </button>
          <a safe href="/admin/users">
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
