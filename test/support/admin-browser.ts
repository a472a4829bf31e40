import { randomBytes } from 'node:crypto';
import { buildUser, TEST_PASSWORD } from '../factories/index.js';
import { cookieHeader, csrfFrom, login, type TestApp } from './test-app.js';

/** A signed-in browser for the back-office page tests: sign in, GET, POST forms, upload a CSV. */

export const FORM = 'application/x-www-form-urlencoded';

/** A signed-in browser: its cookies and a CSRF token from a page it may open. */
export type Browser = { cookie: string; csrf: string; userId: string };

export async function signIn(t: TestApp, opts: Parameters<typeof buildUser>[1] = {}): Promise<Browser> {
  const { user } = await buildUser(t.database, opts);
  const cookie = await login(t.app, user.username, TEST_PASSWORD);
  const page = await t.app.inject({ url: '/account', headers: { cookie } });
  return { cookie: cookieHeader(page, cookie), csrf: csrfFrom(page.body), userId: user.id };
}

export function get(t: TestApp, b: Browser, url: string) {
  return t.app.inject({ url, headers: { cookie: b.cookie } });
}

export function postForm(t: TestApp, b: Browser, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ _csrf: b.csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: b.cookie, 'content-type': FORM },
    payload: body.toString(),
  });
}

/** Upload `content` as the import form does: multipart, the CSRF token as its first field. */
export async function uploadCsv(t: TestApp, b: Browser, content: string | Buffer, fileName = 'opd.csv') {
  const page = await get(t, b, '/admin/agencies');
  const action = page.body.match(/action="(\/admin\/agencies\/import)"/)?.[1];
  if (!action) throw new Error('no import form on the agencies page');
  const boundary = `----sd${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFrom(page.body)}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie: b.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** The action names in the audit table (`<td><code>agency_create</code></td>`). */
export function auditActions(html: string): string[] {
  // The action's name is the tooltip of its label ("Buat instansi" for agency_create).
  return [...html.matchAll(/<td><span title="([a-z0-9_]+)">/g)].map((m) => m[1] ?? '');
}

export const uniq = () => randomBytes(3).toString('hex');
