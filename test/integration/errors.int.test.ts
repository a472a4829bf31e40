import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/kernel/config.js';
import { ensureSite } from '../../src/modules/agencies/site.js';
import { createApp } from '../../src/modules.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('error pages and logs', () => {
  let tdb: TestDatabase;
  let app: Awaited<ReturnType<typeof createApp>>;
  const logs: string[] = [];
  beforeAll(async () => {
    tdb = await createTestDatabase('pglite');
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tdb.dataDir, LOG_LEVEL: 'info' });
    const site = await ensureSite(tdb.database.db, config);
    // pino writing to memory, to check what the log says.
    const loggerInstance = pino({ level: 'info' }, { write: (line: string) => logs.push(line) });
    app = await createApp({ config, database: tdb.database, site, loggerInstance });
    app.get('/boom', async () => {
      throw new Error('database password is hunter2 at /srv/secret.ts:42');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.drop();
  });

  it('renders a 500 page in Indonesian with the request id and no stack trace', async () => {
    const res = await app.inject({ url: '/boom', headers: { 'x-request-id': 'req-12345678' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Kesalahan server');
    expect(res.body).toContain('req-12345678');
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('secret.ts');
    const entry = logs.map((l) => JSON.parse(l)).find((l) => l.reqId === 'req-12345678' && l.level === 50);
    expect(entry?.err.message).toContain('hunter2');
  });

  it('answers JSON clients with a JSON error in English when asked, still without details', async () => {
    const res = await app.inject({ url: '/boom?lang=en', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: { status: 500, message: 'Server error' } });
    expect(res.body).not.toContain('hunter2');
  });

  it('renders a 404 page in the chosen language', async () => {
    const id = await app.inject({ url: '/tidak/ada' });
    expect(id.statusCode).toBe(404);
    expect(id.body).toContain('Halaman tidak ditemukan');
    const en = await app.inject({ url: '/tidak/ada', cookies: { sd_lang: 'en' } });
    expect(en.body).toContain('Page not found');
    expect(en.body).toContain('lang="en"');
  });

  it('switches language with a link that works without JavaScript and keeps the page', async () => {
    const res = await app.inject({ url: '/lang/en?next=/login' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login');
    expect(res.cookies.find((c) => c.name === 'sd_lang')?.value).toBe('en');
    const evil = await app.inject({ url: '/lang/en?next=//evil.example' });
    expect(evil.headers.location).toBe('/');
  });

  it('keeps the CSRF token and other secrets in the URL out of the request log', async () => {
    await app.inject({
      url: '/boom?_csrf=tok-SECRET-1&page=2&token=tok-SECRET-2',
      headers: { 'x-request-id': 'req-redact-1' },
    });
    const lines = logs.filter((l) => l.includes('req-redact-1'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('tok-SECRET');
    const incoming = lines.map((l) => JSON.parse(l)).find((l) => l.req?.url);
    expect(incoming.req.url).toBe('/boom?_csrf=[redacted]&page=2&token=[redacted]');
  });
});
