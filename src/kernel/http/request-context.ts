import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Actor, ANONYMOUS } from '../access/policy.js';
import type { ActionContext } from '../actions/context.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { regionTimeZone } from '../db/region-time-zone.repository.js';
import { DEFAULT_LOCALE, isLocale, type Locale, type Translate, translator } from '../i18n/i18n.js';
import { OPS_PATHS } from './ops.routes.js';

export const LOCALE_COOKIE = 'sd_lang';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    t: Translate;
    /** Hash of the session id when signed in through a cookie. */
    sessionHash: string | null;
    /** True when the actor was authenticated with an API token. */
    viaToken: boolean;
    /** The region's time zone: every time a page shows is in it (WIB, WITA or WIT). */
    timeZone: string;
  }
}

/** Turns an API token or a session cookie into an actor (the accounts module provides it). */
export interface Authenticator {
  /** Name of the session cookie. */
  sessionCookie: string;
  fromToken(db: Database['db'], header: string): Promise<Actor | null>;
  fromSession(
    db: Database['db'],
    config: Config,
    cookie: string,
  ): Promise<{ actor: Actor; idHash: string } | null>;
}

/** How a request was authenticated: an API token header, a session cookie, or nobody. */
async function resolveActor(
  req: FastifyRequest,
  database: Database,
  config: Config,
  auth: Authenticator,
): Promise<{ actor: Actor; sessionHash: string | null; viaToken: boolean; badToken: boolean }> {
  const header = req.headers.authorization;
  if (header) {
    const actor = await auth.fromToken(database.db, header);
    return { actor: actor ?? ANONYMOUS, sessionHash: null, viaToken: Boolean(actor), badToken: !actor };
  }
  // The API never reads the session cookie: only token-authenticated calls may act there, so a
  // hostile page cannot make a signed-in browser call the API (no CSRF on the API).
  const cookie = req.url.startsWith('/api/') ? undefined : req.cookies[auth.sessionCookie];
  if (cookie) {
    const session = await auth.fromSession(database.db, config, cookie);
    if (session)
      return { actor: session.actor, sessionHash: session.idHash, viaToken: false, badToken: false };
  }
  return { actor: ANONYMOUS, sessionHash: null, viaToken: false, badToken: false };
}

/** Language: `?lang=` wins, then the language cookie, then Bahasa Indonesia. */
export function resolveLocale(req: FastifyRequest): Locale {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(q)) return q;
  const c = req.cookies[LOCALE_COOKIE];
  return isLocale(c) ? c : DEFAULT_LOCALE;
}

/**
 * Decorates every request with its actor, language and translator. A bad API token is
 * refused outright rather than silently treated as anonymous.
 */
export const requestContext = fp(
  async (
    app: FastifyInstance,
    opts: { database: Database; config: Config; authenticator: Authenticator },
  ) => {
    // Reference-type decorations start as null (Fastify 5 rule); the hook sets them first thing.
    app.decorateRequest('actor', null as unknown as Actor);
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('t', null as unknown as Translate);
    app.decorateRequest('sessionHash', null);
    app.decorateRequest('viaToken', false);
    app.decorateRequest('timeZone', 'Asia/Jakarta');
    app.addHook('onRequest', async (req, reply) => {
      req.locale = resolveLocale(req);
      req.t = translator(req.locale);
      reply.header('x-request-id', req.id);
      req.actor = ANONYMOUS;
      if (req.url.startsWith('/static/') || OPS_PATHS.has(req.url)) return;
      const r = await resolveActor(req, opts.database, opts.config, opts.authenticator);
      req.actor = r.actor;
      req.sessionHash = r.sessionHash;
      req.viaToken = r.viaToken;
      if (r.badToken) req.badToken = true;
      // The API answers with ISO instants (zone included); pages show local times.
      if (!req.url.startsWith('/api/')) req.timeZone = await regionTimeZone(opts.database.db);
    });
  },
);

declare module 'fastify' {
  interface FastifyRequest {
    /** An Authorization header was sent but named no live token. */
    badToken?: boolean;
  }
}

/** The action context for this request. */
export function actionContext(req: FastifyRequest, database: Database, siteUrl?: string): ActionContext {
  return {
    db: database.db,
    actor: req.actor,
    requestId: req.id,
    ip: req.ip,
    ...(siteUrl ? { siteUrl } : {}),
  };
}

/** Redirect after a form post (303 so the browser follows with GET). */
export function redirectAfterPost(reply: FastifyReply, to: string): FastifyReply {
  return reply.code(303).redirect(to);
}
