import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../../src/kernel/config.js';
import type { DriverKind } from '../../src/kernel/db/database.js';
import { ensureSite } from '../../src/modules/agencies/site.js';
import { createApp } from '../../src/modules.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

/** A fresh database of `kind` with the HTTP app on it (use `app.inject`). */
export async function createTestApp(kind: DriverKind, env: Record<string, string> = {}): Promise<TestApp> {
  const tdb = await createTestDatabase(kind);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: tdb.dataDir,
    LOG_LEVEL: 'silent',
    // The configuration matches the engine (settings whose default depends on it: DATASTORE_SQL).
    ...(tdb.databaseUrl ? { DATABASE_URL: tdb.databaseUrl } : {}),
    ...env,
  });
  const site = await ensureSite(tdb.database.db, config);
  const app = await createApp({ config, database: tdb.database, site, logger: false });
  await app.ready();
  return {
    ...tdb,
    app,
    config,
    close: async () => {
      await app.close();
      await tdb.drop();
    },
  };
}

/** Cookies from a response's set-cookie headers, as a `cookie` request header value. */
export function cookieHeader(res: { cookies: { name: string; value: string }[] }, previous = ''): string {
  const jar = new Map<string, string>();
  for (const part of previous.split(/;\s*/).filter(Boolean)) {
    const [k, ...v] = part.split('=');
    if (k) jar.set(k, v.join('='));
  }
  for (const c of res.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The CSRF token in the first `_csrf` hidden field of an HTML page. */
export function csrfFrom(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m?.[1]) throw new Error('no CSRF field in page');
  return m[1];
}

/**
 * Log in through the real form (GET for the CSRF cookie and token, then POST). Returns the
 * cookie header of the signed-in browser.
 */
export async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const page = await app.inject({ method: 'GET', url: '/login' });
  let cookies = cookieHeader(page);
  const res = await app.inject({
    method: 'POST',
    url: '/login',
    headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), username, password }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode}`);
  cookies = cookieHeader(res, cookies);
  return cookies;
}
