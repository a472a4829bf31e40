import type { Children } from '@kitajs/html';
import { escapeHtml } from '@kitajs/html';
import { t } from '../i18n/i18n.js';
import { badgeOf } from './nav-badge.js';
import type { PageContext } from './page-context.js';

/** The government pages every page links to in its footer (served by the portal module). */
const FOOTER_PAGES = ['tentang', 'kontak', 'faq', 'privasi', 'ketentuan', 'aksesibilitas'] as const;

/** The other language and the link that switches to it, keeping the current page. */
function languageSwitch(ctx: PageContext) {
  const other = ctx.locale === 'id' ? 'en' : 'id';
  return { other, href: `/lang/${other}?next=${encodeURIComponent(ctx.path)}` };
}

/** Hidden CSRF field for every form that changes something. */
export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** "Tugas saya" with the open task and unread notification counts of this request's actor. */
function TasksLink({ ctx }: { ctx: PageContext }) {
  const badge = badgeOf(ctx.actor);
  const count = badge ? badge.tasks + badge.unread : 0;
  const label = badge
    ? `${t(ctx.locale, 'nav.open', { n: badge.tasks })}, ${t(ctx.locale, 'nav.unread', { n: badge.unread })}`
    : undefined;
  return (
    <a href="/tugas" id="nav-tasks" title={label}>
      {escapeHtml(t(ctx.locale, 'nav.tasks'))}
      {count > 0 ? (
        <>
          {' '}
          <span safe class="badge" data-tasks={String(badge?.tasks ?? 0)}>
            {String(count)}
          </span>
        </>
      ) : (
        ''
      )}
    </a>
  );
}

/**
 * The page frame: skip link, header with the region's name and emblem, navigation by what the
 * actor may do, language switch, main content, footer. Works without JavaScript.
 */
export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children: Children }) {
  const t = ctx.t;
  const lang = languageSwitch(ctx);
  const signedIn = ctx.actor.userId !== null;
  const isAdmin = ctx.can('user:read') || ctx.can('agency:create') || ctx.can('audit:read');
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} · ${t('site.tagline', { region: ctx.site.regionName })}`}</title>
          <link rel="stylesheet" href="/static/app.css" />
          <link rel="icon" href="/static/logo.svg" type="image/svg+xml" />
        </head>
        <body>
          <a safe class="skip" href="#main">
            {t('site.skip')}
          </a>
          <header class="site-header">
            <a class="brand" href="/">
              <img src="/logo/region" alt={t('site.logoAlt')} height="40" />
              <span>
                <strong safe>{ctx.site.regionName}</strong>
                <small>Satu Data</small>
              </span>
            </a>
            <nav aria-label={t('nav.main')}>
              <ul>
                <li>
                  <a safe href="/">
                    {t('nav.home')}
                  </a>
                </li>
                <li>
                  <a safe href="/dataset">
                    {t('nav.datasets')}
                  </a>
                </li>
                <li>
                  <a safe href="/organization">
                    {t('nav.organizations')}
                  </a>
                </li>
                <li>
                  <a safe href="/group">
                    {t('nav.groups')}
                  </a>
                </li>
                <li>
                  <a safe href="/api">
                    {t('nav.api')}
                  </a>
                </li>
                <li>
                  <a safe href="/permintaan-data" id="nav-request-data">
                    {t('nav.requestData')}
                  </a>
                </li>
                {signedIn && ctx.can('workspace:open') ? (
                  <li>
                    <a safe href="/workspace">
                      {t('nav.workspace')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
                {signedIn && ctx.can('task:read_own') ? (
                  <li>
                    <TasksLink ctx={ctx} />
                  </li>
                ) : (
                  ''
                )}
                {isAdmin ? (
                  <li>
                    <a safe href="/admin">
                      {t('nav.admin')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
                {signedIn ? (
                  <li>
                    <a safe href="/account">
                      {t('nav.account')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
                <li>
                  <a
                    safe
                    href={lang.href}
                    hreflang={lang.other}
                    lang={lang.other}
                    aria-label={t('lang.switchLabel')}
                  >
                    {t('lang.switch')}
                  </a>
                </li>
                <li>
                  {signedIn ? (
                    <form method="post" action="/logout" class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="link">
                        {escapeHtml(t('nav.logout'))} (<span safe>{ctx.actor.username}</span>)
                      </button>
                    </form>
                  ) : (
                    <a safe href="/login">
                      {t('nav.login')}
                    </a>
                  )}
                </li>
              </ul>
            </nav>
          </header>
          <main id="main">
            {ctx.notice ? (
              <p class="notice" role="status" safe>
                {ctx.notice}
              </p>
            ) : (
              ''
            )}
            {children}
          </main>
          <footer class="site-footer">
            <nav aria-label={t('footer.pages')}>
              <ul class="footer-links">
                {FOOTER_PAGES.map((slug) => (
                  <li>
                    <a safe href={`/${slug}`}>
                      {t(`footer.${slug}`)}
                    </a>
                  </li>
                ))}
                <li>
                  <a safe href="/permintaan-data/statistik">
                    {t('footer.requestStats')}
                  </a>
                </li>
              </ul>
            </nav>
            <p safe>{t('footer.about')}</p>
          </footer>
        </body>
      </html>
    </>
  );
}

/** A list of field errors at the top of a form. */
export function FormErrors({
  ctx,
  errors,
  labels,
}: {
  ctx: PageContext;
  errors: Record<string, string[]> | undefined;
  /** Each field's label as the form shows it: errors name fields by their labels, not their keys. */
  labels?: Record<string, string> | undefined;
}) {
  if (!errors || Object.keys(errors).length === 0) return '';
  return (
    <div class="errors" role="alert">
      <p safe>{ctx.t('common.errorsTitle')}</p>
      <ul>
        {Object.entries(errors).map(([field, msgs]) => {
          const label = labels?.[field] ?? labels?.[field.split('.')[0] ?? field];
          return (
            <li>
              {label ? (
                <>
                  <strong safe>{label}</strong>:{' '}
                </>
              ) : labels ? (
                ''
              ) : (
                <>
                  <strong safe>{field}</strong>:{' '}
                </>
              )}
              <span safe>{msgs.join('; ')}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
