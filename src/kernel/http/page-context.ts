import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Action } from '../access/permission.js';
import { type Actor, can } from '../access/policy.js';
import type { Locale, Translate } from '../i18n/i18n.js';

/** The region this deployment serves, shown in every page header. */
export interface SiteInfo {
  regionCode: string;
  regionName: string;
}

/**
 * What every template may use: the translator, who is looking, the CSRF token for forms and
 * `can` to decide which links to show (the real check happens again in the action).
 */
export interface PageContext {
  t: Translate;
  locale: Locale;
  actor: Actor;
  path: string;
  csrfToken: string;
  site: SiteInfo;
  /** The region's time zone (WIB, WITA or WIT): pass it to formatDateTime. */
  timeZone?: string;
  can: (action: Action, subject?: { agencyId?: string | null }) => boolean;
  /** A one-off notice to show at the top (after a redirect). */
  notice?: string | undefined;
}

/** Build the page context for a request (the CSRF cookie is created when a form first asks for a token). */
export function pageContext(req: FastifyRequest, reply: FastifyReply, site: SiteInfo): PageContext {
  let token: string | undefined;
  return {
    t: req.t,
    locale: req.locale,
    actor: req.actor,
    path: req.url,
    // Minted when a form asks for it: a page without one sets no cookie, so its bytes are the
    // same for every anonymous reader (ETag, page cache).
    get csrfToken() {
      token ??= reply.generateCsrf();
      return token;
    },
    site,
    timeZone: req.timeZone,
    can: (action, subject) => can(req.actor, action, subject),
  };
}
