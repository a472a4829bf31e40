import type { FastifyReply } from 'fastify';
import { JsonText } from '../../actions/json-text.js';
import { isConnectionLost, RETRY_AFTER_SECONDS } from '../../db/connection-lost.js';
import {
  AppError,
  BadRequestError,
  type Bilingual,
  NotAuthorizedError,
  NotFoundError,
  SearchQueryError,
  ValidationError,
} from '../../errors.js';
import { type Locale, pick } from '../../i18n/i18n.js';

/** What a request hears when the database went away under it: try again shortly. */
export const DATABASE_UNAVAILABLE: Bilingual = {
  id: 'Basis data sementara tidak tersedia; coba lagi sebentar lagi',
  en: 'The database is temporarily unavailable; try again shortly',
};

/** CKAN's `help` URL for an action. */
export function helpUrl(siteUrl: string, action: string): string {
  return `${siteUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
}

/** Send `{help, success: true, result}` as CKAN does. */
export function sendResult(reply: FastifyReply, help: string, result: unknown) {
  if (result instanceof JsonText)
    return reply
      .code(200)
      .type('application/json; charset=utf-8')
      .send(`{"help":${JSON.stringify(help)},"success":true,"result":${result.text}}`);
  return reply.code(200).send({ help, success: true, result });
}

/**
 * Map an error to CKAN's error envelope and status code (ckan/views/api.py): 403
 * Authorization Error, 404 Not Found Error, 409 Validation Error with field keys beside
 * `__type`, 400 for bad requests (a bare JSON string, as CKAN sends), 503 with Retry-After when
 * the database connection was lost (the same call may succeed again), 500 otherwise.
 */
export function sendError(reply: FastifyReply, help: string, err: unknown, locale: Locale) {
  if (err instanceof BadRequestError)
    return reply.code(400).send(JSON.stringify(`Bad request - ${err.text.en}`));
  if (err instanceof SearchQueryError)
    return reply.code(400).send({
      help,
      success: false,
      error: { __type: 'Search Query Error', message: err.text.en },
    });
  if (err instanceof ValidationError) {
    const fields = Object.fromEntries(
      Object.entries(err.fields).map(([k, v]) => [k, v.map((m) => pick(locale, m))]),
    );
    // ckan/logic/__init__.py (2.11.5) L93-94: a ValidationError raised with a message carries it
    // as `message` in its error dict, which views/api.py L304-307 sends whole: the summary stays.
    const summary = err.summary && !('message' in fields) ? { message: pick(locale, err.summary) } : {};
    return reply
      .code(409)
      .send({ help, success: false, error: { __type: 'Validation Error', ...summary, ...fields } });
  }
  if (err instanceof NotAuthorizedError)
    return reply.code(403).send({
      help,
      success: false,
      error: { __type: 'Authorization Error', message: `Access denied: ${pick(locale, err.text)}` },
    });
  if (err instanceof NotFoundError)
    return reply.code(404).send({
      help,
      success: false,
      error: { __type: 'Not Found Error', message: `Not found: ${pick(locale, err.text)}` },
    });
  if (err instanceof AppError)
    return reply
      .code(err.status)
      .send({ help, success: false, error: { __type: 'Validation Error', message: pick(locale, err.text) } });
  if (isConnectionLost(err))
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({
        help,
        success: false,
        error: { __type: 'Service Unavailable', message: pick(locale, DATABASE_UNAVAILABLE) },
      });
  return reply.code(500).send({
    help,
    success: false,
    error: { __type: 'Internal Server Error', message: 'Internal Server Error' },
  });
}

/** The action name of a CKAN action API URL (`/api/3/action/x`, `/api/action/x`), if it is one. */
export function actionApiName(url: string): string | undefined {
  return /^\/api\/(?:3\/)?action\/([^/?#]*)/.exec(url)?.[1];
}

/**
 * An error raised before the action ran (body too large, rate limit, malformed request) on an
 * action API URL: the same CKAN envelope as the action's own errors, never Fastify's shape.
 */
export function sendEdgeError(
  reply: FastifyReply,
  help: string,
  status: number,
  text: Bilingual,
  locale: Locale,
) {
  const type =
    status === 403
      ? 'Authorization Error'
      : status === 404
        ? 'Not Found Error'
        : status === 503
          ? 'Service Unavailable'
          : status >= 500
            ? 'Internal Server Error'
            : 'Validation Error';
  if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply
    .code(status)
    .send({ help, success: false, error: { __type: type, message: pick(locale, text) } });
}

/** A body that is not JSON on an API route: CKAN answers 400 with a bare JSON string. */
export function isBadJsonBody(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    err instanceof SyntaxError
  );
}

export function sendBadJson(reply: FastifyReply, err: unknown) {
  const detail = err instanceof Error ? err.message : String(err);
  return reply
    .code(400)
    .send(JSON.stringify(`Bad request - JSON Error: Error decoding JSON data. ${detail}`));
}
