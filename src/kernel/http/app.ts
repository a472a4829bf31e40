import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyEtag from '@fastify/etag';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { ANONYMOUS } from '../access/policy.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { readPageStamps } from '../db/page-stamp.repository.js';
import type { AppModule } from '../module.js';
import { fileStoreFor } from '../storage/file-store.js';
import { apiRoutes } from './api/api.routes.js';
import type { AppDeps } from './app-deps.js';
import { getCookieSecret } from './cookie-secret.js';
import { installErrorHandlers } from './error-handler.js';
import { CrossOriginError, isSameOriginPost, readMultipartCsrf } from './form-guard.js';
import { opsRoutes } from './ops.routes.js';
import { pageCache } from './page-cache.js';
import type { SiteInfo } from './page-context.js';
import { type Authenticator, requestContext, resolveLocale } from './request-context.js';
import { LOG_SERIALIZERS } from './request-log.js';

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public');
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public form acting on no one's authority: anonymous posts need no CSRF token. */
    anonymousForm?: boolean;
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  site: SiteInfo;
  /** pino options; tests pass `{ level: 'silent' }`. */
  logger?: boolean | { level: string };
  /** A ready pino logger (tests pass one writing to memory). */
  loggerInstance?: FastifyBaseLogger;
  /** The capability modules, in the order their routes are registered (src/modules.ts). */
  modules: readonly AppModule[];
  /** Who a request is: sessions and API tokens (the accounts module). */
  authenticator: Authenticator;
}

/**
 * The one Fastify app: security plugins, request context, then the surfaces (portal, account,
 * admin, API) as plugins. No route reads the environment or opens the database itself.
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, database, site } = opts;
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance.child({}, { serializers: LOG_SERIALIZERS }) }
      : {
          logger:
            opts.logger === false
              ? false
              : {
                  ...(typeof opts.logger === 'object' ? opts.logger : { level: config.logLevel }),
                  serializers: LOG_SERIALIZERS,
                  // Readable lines for a developer's terminal; JSON (one object a line) elsewhere.
                  ...(config.env === 'development' && opts.logger === undefined
                    ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
                    : {}),
                },
        }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.isProduction,
    bodyLimit: 2 * 1024 * 1024,
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        // Only behind TLS: on plain http (development, a LAN test box) it would break every asset.
        'upgrade-insecure-requests': config.isProduction ? [] : null,
      },
    },
    // Plain http on localhost must keep working in development.
    hsts: config.isProduction,
    // Not helmet's `no-referrer`: with it browsers send `Origin: null` on same-site form posts,
    // which the form guard (form-guard.ts) must refuse. `same-origin` still tells no other site
    // where a reader came from.
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyCookie, { secret: await getCookieSecret(database.db, config) });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCsrf, {
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.isProduction },
    // Never from the URL: a token in the query string ends up in logs and Referer headers.
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const token = req.headers['x-csrf-token'] ?? req.multipartCsrf ?? body?._csrf;
      return typeof token === 'string' ? token : '';
    },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/', maxAge: '1h' });
  // Every GET answer built in memory (pages, API JSON) carries an ETag of its bytes, and a repeat
  // view whose If-None-Match still matches gets 304 with no body (streamed files are skipped:
  // they carry their own validators).
  await app.register(fastifyEtag);
  // Before the request context: a repeat anonymous view is answered before any session lookup.
  await app.register(pageCache, {
    readStamps: () => readPageStamps(database.db),
    sessionCookie: opts.authenticator.sessionCookie,
    localeOf: resolveLocale,
    enabled: config.pageCache,
  });
  await app.register(requestContext, { database, config, authenticator: opts.authenticator });

  // Every form post must come from this site (Origin/Referer) and carry its CSRF token. The API
  // is exempt because it authenticates only by token header, never by cookie. Multipart forms
  // send the token as their first field, read here before any file part.
  app.addHook('preHandler', (req, reply, done) => {
    if (!UNSAFE_METHODS.has(req.method) || req.url.startsWith('/api/')) return done();
    if (!isSameOriginPost(req, config.siteUrl)) return done(new CrossOriginError());
    // A public form that acts on no one's authority (a follow to confirm by e-mail) needs no
    // token from a reader without a session: a forged post could do nothing its sender cannot do
    // directly. Its page then stays the same for every reader, and cacheable.
    if (req.routeOptions.config?.anonymousForm && req.actor === ANONYMOUS) return done();
    if (!req.isMultipart() || req.headers['x-csrf-token'] !== undefined)
      return app.csrfProtection(req, reply, done);
    readMultipartCsrf(req, config.uploadMaxBytes).then(() => app.csrfProtection(req, reply, done), done);
  });

  installErrorHandlers(app, site, config.siteUrl);
  const files = fileStoreFor(config);
  const deps: AppDeps = { config, database, site, files };
  await app.register(apiRoutes, deps);
  for (const module of opts.modules)
    for (const routes of module.routes ?? []) await app.register(routes, deps);
  opsRoutes(app, deps);
  return app;
}
