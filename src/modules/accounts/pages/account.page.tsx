import { escapeHtml } from '@kitajs/html';
import { CsrfField, FormErrors, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';
import { formatDateTime } from '../../../kernel/i18n/i18n.js';

export interface AccountView {
  username: string;
  fullName: string;
  email: string | null;
  tokens: {
    id: string;
    name: string;
    prefix: string;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
  }[];
  newToken?: string | undefined;
  passwordErrors?: Record<string, string[]> | undefined;
  tokenErrors?: Record<string, string[]> | undefined;
}

/** The user's own account: profile, password change, API tokens. */
export function AccountPage({ ctx, view }: { ctx: PageContext; view: AccountView }) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1 safe>{t('account.title')}</h1>
      <section>
        <h2 safe>{t('account.profile')}</h2>
        <dl class="facts">
          <dt safe>{t('user.username')}</dt>
          <dd safe>{view.username}</dd>
          <dt safe>{t('user.fullName')}</dt>
          <dd safe>{view.fullName}</dd>
          <dt safe>{t('user.email')}</dt>
          <dd safe>{view.email ?? '—'}</dd>
        </dl>
      </section>
      <section>
        <h2 safe id="password">
          {t('account.password')}
        </h2>
        <FormErrors ctx={ctx} errors={view.passwordErrors} />
        <form method="post" action="/account/password" class="stack narrow">
          <CsrfField ctx={ctx} />
          <label safe for="currentPassword">
            {t('account.currentPassword')}
          </label>
          <input
            id="currentPassword"
            name="currentPassword"
            type="password"
            autocomplete="current-password"
            required
          />
          <label safe for="newPassword">
            {t('account.newPassword')}
          </label>
          <input
            id="newPassword"
            name="newPassword"
            type="password"
            autocomplete="new-password"
            required
            minlength="10"
            aria-describedby="newPasswordHelp"
          />
          <small safe id="newPasswordHelp">
            {t('account.passwordHelp')}
          </small>
          <button safe type="submit">
            {t('common.save')}
          </button>
        </form>
      </section>
      <section>
        <h2 safe id="tokens">
          {t('account.tokens')}
        </h2>
        <p safe>{t('account.tokensHelp')}</p>
        {view.newToken ? (
          <div class="notice" role="status">
            <p safe>{t('account.tokenCreated')}</p>
            <code class="token" safe>
              {view.newToken}
            </code>
          </div>
        ) : (
          ''
        )}
        <FormErrors ctx={ctx} errors={view.tokenErrors} />
        <form method="post" action="/account/tokens" class="row">
          <CsrfField ctx={ctx} />
          <label safe for="tokenName">
            {t('account.tokenName')}
          </label>
          <input id="tokenName" name="name" required maxlength="100" />
          <button safe type="submit">
            {t('account.tokenCreate')}
          </button>
        </form>
        {view.tokens.length === 0 ? (
          <p safe>{t('account.tokensEmpty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th safe scope="col">
                  {t('common.name')}
                </th>
                <th scope="col">Token</th>
                <th safe scope="col">
                  {t('common.created')}
                </th>
                <th safe scope="col">
                  {t('common.lastUsed')}
                </th>
                <th safe scope="col">
                  {t('common.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((tok) => (
                <tr>
                  <td safe>{tok.name}</td>
                  <td>
                    <code safe>{`${tok.prefix}…`}</code>
                  </td>
                  <td safe>{formatDateTime(ctx.locale, tok.created_at, ctx.timeZone)}</td>
                  <td safe>
                    {tok.last_used_at
                      ? formatDateTime(ctx.locale, tok.last_used_at, ctx.timeZone)
                      : t('common.never')}
                  </td>
                  <td>
                    {tok.revoked_at ? (
                      escapeHtml(t('account.tokenRevoked'))
                    ) : (
                      <form method="post" action={`/account/tokens/${tok.id}/revoke`} class="inline">
                        <CsrfField ctx={ctx} />
                        <button
                          safe
                          type="submit"
                          class="danger"
                          aria-label={`${t('account.tokenRevoke')} ${tok.name}`}
                        >
                          {t('account.tokenRevoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
