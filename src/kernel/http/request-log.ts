import type { FastifyRequest } from 'fastify';

/** Query parameters whose values must never reach a log line (multipart forms carry the CSRF token in the URL). */
const SECRET_PARAMS = new Set(['_csrf', 'token', 'api_key', 'password']);

/** The URL with secret query values replaced by `[redacted]`; the rest stays readable. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeURIComponentSafe(eq < 0 ? pair : pair.slice(0, eq));
      return SECRET_PARAMS.has(name) && eq >= 0 ? `${pair.slice(0, eq)}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * pino serializers for Fastify's request logs: Fastify's default, with secrets taken out of
 * the URL. Headers are not logged at all (cookies and Authorization stay out).
 */
export const LOG_SERIALIZERS = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
};
