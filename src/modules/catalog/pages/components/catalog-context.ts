import type { FastifyReply, FastifyRequest } from 'fastify';
import { type PageContext, pageContext, type SiteInfo } from '../../../../kernel/http/page-context.js';
import { type CatalogTranslate, catalogTranslator } from './catalog-messages.js';

/** The page context plus the catalog's own texts (`ct`). */
export interface CatalogPageContext extends PageContext {
  ct: CatalogTranslate;
}

/** Build the catalog page context for a request. */
export function catalogPageContext(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
): CatalogPageContext {
  // Assigned, not spread: spreading would read the lazy CSRF token and mint a cookie.
  return Object.assign(pageContext(req, reply, site), { ct: catalogTranslator(req.locale) });
}

/** The catalog pages' stylesheet, served by the catalog routes. */
export const CATALOG_CSS_PATH = '/assets/catalog.css';

/**
 * Put `extra` (already escaped HTML: alternate links, JSON-LD, the catalog stylesheet) into the
 * page's `<head>`. The shared Layout has no head slot yet; this inserts before `</head>`.
 */
export async function withHead(page: JSX.Element, extra: string): Promise<string> {
  const html = await page;
  const at = html.indexOf('</head>');
  return at < 0 ? html : `${html.slice(0, at)}${extra}${html.slice(at)}`;
}

/** The stylesheet link every catalog page adds to its head. */
export const CATALOG_STYLESHEET = `<link rel="stylesheet" href="${CATALOG_CSS_PATH}" />`;

/** Send a catalog page as HTML with the catalog stylesheet (and any other head extras). */
export async function sendCatalogPage(
  reply: FastifyReply,
  page: JSX.Element,
  headExtra = '',
): Promise<FastifyReply> {
  return reply.type('text/html; charset=utf-8').send(await withHead(page, CATALOG_STYLESHEET + headExtra));
}
