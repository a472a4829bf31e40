import { CsrfField, Layout } from '../../../kernel/http/layout.js';
import type { PageContext } from '../../../kernel/http/page-context.js';

/** The login form. `error` is shown above it; the user name is kept after a failure. */
export function LoginPage({
  ctx,
  error,
  username,
  next,
  demo,
}: {
  ctx: PageContext;
  error?: string | undefined;
  username?: string | undefined;
  next?: string | undefined;
  /** On a demo site: a few demo accounts and their shared password. */
  demo?: { password: string; usernames: string[] } | undefined;
}) {
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      <section class="narrow">
        <h1 safe>{t('login.title')}</h1>
        {error ? (
          <p class="errors" role="alert" safe>
            {error}
          </p>
        ) : (
          ''
        )}
        <form method="post" action="/login" class="stack">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={next ?? ''} />
          <label safe for="username">
            {t('login.username')}
          </label>
          <input id="username" name="username" autocomplete="username" required value={username ?? ''} />
          <label safe for="password">
            {t('login.password')}
          </label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button safe type="submit">
            {t('login.submit')}
          </button>
        </form>
        {demo ? (
          <p class="hint" safe>
            {t('login.demoHint', { password: demo.password, usernames: demo.usernames.join(', ') })}
          </p>
        ) : (
          ''
        )}
      </section>
    </Layout>
  );
}
