import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionLost, RETRY_AFTER_SECONDS } from '../db/connection-lost.js';
import { AppError, type Bilingual, NotAuthorizedError, ValidationError } from '../errors.js';
import { pick } from '../i18n/i18n.js';
import {
  actionApiName,
  DATABASE_UNAVAILABLE,
  helpUrl,
  isBadJsonBody,
  sendBadJson,
  sendEdgeError,
} from './api/ckan-envelope.js';
import { ErrorPage } from './error-page.js';
import type { SiteInfo } from './page-context.js';
import { pageContext } from './page-context.js';

/** Does this request want JSON (API, or a client that asks for it) rather than a page? */
export function wantsJson(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json');
}

/** Status and message of any thrown value; unknown errors become a 500 with no details. */
export function describeError(err: unknown): {
  status: number;
  text: Bilingual;
  fields?: Record<string, Bilingual[]>;
} {
  if (err instanceof ValidationError) return { status: err.status, text: err.text, fields: err.fields };
  if (err instanceof AppError) return { status: err.status, text: err.text };
  const fe = err as Partial<FastifyError>;
  if (typeof fe.code === 'string' && fe.code.startsWith('FST_CSRF'))
    return {
      status: 403,
      text: {
        id: 'Formulir kedaluwarsa atau tidak sah (token CSRF tidak valid). Muat ulang halaman lalu kirim lagi.',
        en: 'The form has expired or is not valid (invalid CSRF token). Reload the page and send it again.',
      },
    };
  if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE')
    return {
      status: 413,
      text: { id: 'Berkas atau permintaan terlalu besar', en: 'File or request too large' },
    };
  if (fe.statusCode === 429)
    return {
      status: 429,
      text: { id: 'Terlalu banyak permintaan; coba lagi nanti', en: 'Too many requests; try again later' },
    };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, text: { id: 'Permintaan tidak valid', en: 'Bad request' } };
  if (isConnectionLost(err)) return { status: 503, text: DATABASE_UNAVAILABLE };
  return { status: 500, text: { id: 'Kesalahan server', en: 'Server error' } };
}

function sendErrorPage(
  req: FastifyRequest,
  reply: FastifyReply,
  site: SiteInfo,
  status: number,
  message: string,
) {
  const ctx = pageContext(req, reply, site);
  const title =
    status === 404
      ? ctx.t('error.404.title')
      : status === 403
        ? ctx.t('error.403.title')
        : status >= 500
          ? ctx.t('error.500.title')
          : ctx.t('error.title');
  return reply.code(status).type('text/html; charset=utf-8').send(ErrorPage({ ctx, title, message }));
}

/**
 * One place maps errors to responses: a page in the reader's language, or JSON for the API
 * (the CKAN API shapes its own envelope before this). Never a stack trace.
 */
export function installErrorHandlers(app: FastifyInstance, site: SiteInfo, siteUrl = ''): void {
  app.setErrorHandler((err, req, reply) => {
    if (req.url.startsWith('/api/') && isBadJsonBody(err)) return sendBadJson(reply, err);
    const d = describeError(err);
    // The database went away under this request: the same request may succeed shortly.
    if (d.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (d.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: (err as FastifyError).code, status: d.status }, 'request refused');
    const action = actionApiName(req.url);
    if (action !== undefined)
      return sendEdgeError(reply, helpUrl(siteUrl, action), d.status, d.text, req.locale);
    if (wantsJson(req)) {
      return reply
        .code(d.status)
        .send({ error: { status: d.status, message: pick(req.locale, d.text), ...d.text } });
    }
    // A refusal by the policy names a permission (`user:read`): an API client may read it, a
    // person reads what it means.
    const message =
      d.status === 503
        ? pick(req.locale, d.text)
        : d.status >= 500
          ? req.t('error.500.body', { requestId: req.id })
          : err instanceof NotAuthorizedError
            ? req.t('error.403.body')
            : pick(req.locale, d.text);
    return sendErrorPage(req, reply, site, d.status, message);
  });
  app.setNotFoundHandler((req, reply) => {
    const action = actionApiName(req.url);
    if (action !== undefined)
      return sendEdgeError(
        reply,
        helpUrl(siteUrl, action),
        404,
        { id: 'Tidak ditemukan', en: 'Not found' },
        req.locale,
      );
    if (wantsJson(req)) {
      const text = { id: 'Tidak ditemukan', en: 'Not found' };
      return reply.code(404).send({ error: { status: 404, message: pick(req.locale, text), ...text } });
    }
    return sendErrorPage(
      req,
      reply,
      site,
      404,
      req.t('error.404.body', { path: req.url.split('?')[0] ?? '/' }),
    );
  });
}
