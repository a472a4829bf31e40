/**
 * Operations endpoints (issue #22): /healthz, /readyz following the database, /metrics in
 * Prometheus text format behind METRICS_TOKEN.
 */
import net from 'node:net';
// @ts-expect-error parse-prometheus-text-format ships no type declarations
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { ensureSite } from '../../modules/agencies/index.js';
import { createApp } from '../../modules.js';
import { openDatabase } from '../db/database.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

describe.each(DIALECTS)('operations endpoints (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  it('/healthz answers and /readyz is ready with the database, storage and schema current', async () => {
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.json()).toEqual({ ready: true });
  });

  it('/metrics is refused without the token, or with a wrong one', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('/metrics parses as Prometheus text format with HTTP latency, job and pool metrics', async () => {
    await t.app.inject({ url: '/healthz' });
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const families = parsePrometheusTextFormat(res.body) as {
      name: string;
      type: string;
      metrics: { labels?: Record<string, string> }[];
    }[];
    const byName = new Map(families.map((f) => [f.name, f]));
    const http = byName.get('satudata_http_request_duration_seconds');
    expect(http?.type).toBe('HISTOGRAM');
    expect(http?.metrics.length).toBeGreaterThan(0);
    // The parser keeps no labels of histogram series: the route label is read from the text.
    expect(res.body).toMatch(/satudata_http_request_duration_seconds_count\{[^}]*route="\/healthz"/);
    expect(byName.get('satudata_job_queue_depth')?.type).toBe('GAUGE');
    expect(byName.get('satudata_job_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(byName.get('satudata_ingest_rows_total')?.type).toBe('COUNTER');
    if (kind === 'postgres') expect(byName.get('satudata_db_pool_connections')?.type).toBe('GAUGE');
  });
});

/** A TCP relay to PostgreSQL that the test can cut and restore, as a network outage would. */
async function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = (on: number) =>
    new Promise<number>((done) => {
      const created = net.createServer((client) => {
        const upstream = net.connect(port, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => {});
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server = created;
      created.listen(on, '127.0.0.1', () => done((created.address() as net.AddressInfo).port));
    });
  const port0 = await listen(0);
  return {
    port: port0,
    cut: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((done) => server?.close(done));
    },
    restore: () => listen(port0),
  };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('/readyz follows the database (postgres)', () => {
  it('goes unready (503) when PostgreSQL is unreachable and ready again when it returns', async () => {
    const t = await createTestApp('postgres');
    const url = new URL(t.databaseUrl ?? '');
    const relay = await relayTo(Number(url.port || 5432));
    url.host = `127.0.0.1:${relay.port}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: t.dataDir });
    const site = await ensureSite(database.db, t.config);
    const app = await createApp({ config: t.config, database, site, logger: false });
    try {
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
      await relay.cut();
      const down = await app.inject({ url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json().problems.join(' ')).toMatch(/database/);
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      await relay.restore();
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
      await relay.cut().catch(() => {});
      await t.close();
    }
  });
});
