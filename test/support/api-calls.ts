import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { uniq } from './catalog-fixtures.js';

/** Calling the platform through its real HTTP routes: CKAN actions and multipart bodies. */

export interface ApiCallOptions {
  token?: string;
  /** Query parameters (GET) — values that are arrays are sent as JSON, as CKAN clients do. */
  query?: Record<string, string | number | boolean | string[] | undefined>;
  /** JSON body (POST). */
  body?: Record<string, unknown>;
  method?: 'GET' | 'POST';
  /** `/api/3/action` (default) or `/api/action`. */
  prefix?: string;
}

/** Call a CKAN action through the real HTTP routes (app.inject). */
export function callAction(
  app: FastifyInstance,
  name: string,
  opts: ApiCallOptions = {},
): Promise<LightMyRequestResponse> {
  const method = opts.method ?? (opts.body ? 'POST' : 'GET');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(opts.query ?? {}))
    if (v !== undefined) params.set(k, Array.isArray(v) ? JSON.stringify(v) : String(v));
  const qs = params.toString();
  return app.inject({
    method,
    url: `${opts.prefix ?? '/api/3/action'}/${name}${qs ? `?${qs}` : ''}`,
    headers: opts.token ? { authorization: opts.token } : {},
    ...(opts.body ? { payload: opts.body } : {}),
  });
}

/** `result` of a successful call, failing loudly with the body otherwise. */
export async function resultOf<T = unknown>(res: Promise<LightMyRequestResponse> | LightMyRequestResponse) {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`expected 200, got ${r.statusCode}: ${r.body.slice(0, 500)}`);
  return (r.json() as { result: T }).result;
}

/**
 * A multipart/form-data body with text fields and one file part, as `curl -F` sends it.
 */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----satudata${uniq()}${uniq()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
