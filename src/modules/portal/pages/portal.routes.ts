import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize, grantScope } from '../../../kernel/access/policy.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, LOCALE_COOKIE, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { isLocale, pick } from '../../../kernel/i18n/i18n.js';
import {
  attemptLogin,
  endSession,
  findUser,
  LoginPage,
  listDemoUsernames,
  SESSION_COOKIE,
  startSession,
} from '../../accounts/index.js';
import { findAgency } from '../../agencies/index.js';
import { catalogPageContext, sendCatalogPage } from '../../catalog/index.js';
import { DEMO_PASSWORD } from '../../demo/index.js';
import { workByAgency } from '../../verification/index.js';
import { WorkspacePage } from '../../workspace/index.js';
import { HomePage, loadHome } from './home.page.js';

const LoginSchema = z.object({
  username: z.string().max(100).default(''),
  password: z.string().max(500).default(''),
  next: z.string().max(500).optional(),
});

/**
 * Only a path on this site may be a redirect target (no open redirect): one leading `/`, then
 * printable ASCII URL characters only. Browsers drop tabs and newlines and read `\\` as `/`, so
 * `/\t/evil.example` would leave the site; control characters and non-ASCII (which cannot go in
 * a Location header) are refused too. Anything else goes to `fallback`.
 */
export function safeNext(next: string | undefined, fallback: string): string {
  if (!next || !/^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/.test(next)) return fallback;
  const base = 'http://site.invalid';
  const url = new URL(next, base);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can turn `/.//host` into `//host` once resolved: check what is sent.
  return url.origin === base && !path.startsWith('//') ? path : fallback;
}

/** Public pages, login/logout, language switch and the signed-in workspace. */
export async function portalRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const db = database.db;
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.isProduction };
  // A demo site (demo accounts loaded, not production) names a few of them on its login page.
  const demoHint = async () => {
    if (config.isProduction) return undefined;
    const usernames = await listDemoUsernames(db);
    return usernames.length ? { password: DEMO_PASSWORD, usernames } : undefined;
  };

  // Served from the anonymous page cache while the catalog's stamps hold (kernel/http/page-cache.ts).
  app.get('/', { config: { pageCache: {} } }, async (req, reply) => {
    const view = await loadHome(actionContext(req, database, config.siteUrl), req.locale);
    return sendCatalogPage(reply, HomePage({ ctx: catalogPageContext(req, reply, site), view }));
  });

  app.get('/lang/:locale', async (req, reply) => {
    const { locale } = req.params as { locale: string };
    const next = safeNext((req.query as { next?: string }).next, '/');
    if (isLocale(locale))
      reply.setCookie(LOCALE_COOKIE, locale, { ...cookieBase, httpOnly: false, maxAge: 31_536_000 });
    return reply.redirect(next);
  });

  app.get('/login', async (req, reply) => {
    const next = (req.query as { next?: string }).next;
    if (req.actor.userId) return reply.redirect(safeNext(next, '/workspace'));
    return reply
      .type('text/html; charset=utf-8')
      .send(LoginPage({ ctx: pageContext(req, reply, site), next, demo: await demoHint() }));
  });

  app.post('/login', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const input = LoginSchema.parse(req.body ?? {});
    const result = await attemptLogin(db, config, { ...input, ip: req.ip, requestId: req.id });
    if (!result.ok) {
      const page = LoginPage({
        ctx: pageContext(req, reply, site),
        error: pick(req.locale, result.message),
        username: input.username,
        next: input.next,
        demo: await demoHint(),
      });
      return reply.code(401).type('text/html; charset=utf-8').send(page);
    }
    const session = await startSession(db, config, result.userId, {
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
    });
    reply.setCookie(SESSION_COOKIE, session.cookieValue, { ...cookieBase, expires: session.expiresAt });
    return redirectAfterPost(reply, safeNext(input.next, '/workspace'));
  });

  app.post('/logout', async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await endSession(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return redirectAfterPost(reply, '/');
  });

  app.get('/workspace', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
    const user = await findUser(db, { id: req.actor.userId });
    const agency = user?.agency_id ? await findAgency(db, { id: user.agency_id }) : undefined;
    // Agency staff see their own agency's work; the region's roles see every agency's.
    const scope = grantScope(req.actor, 'dataset:read_private');
    const work =
      scope === 'any'
        ? await workByAgency(db, null)
        : scope === 'own_agency' && req.actor.agencyId
          ? await workByAgency(db, req.actor.agencyId)
          : [];
    const view = { fullName: user?.full_name ?? req.actor.username, agency, work };
    return reply
      .type('text/html; charset=utf-8')
      .send(WorkspacePage({ ctx: pageContext(req, reply, site), view }));
  });
}
