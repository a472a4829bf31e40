import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { appliedMigrations, pingDatabase } from '../db/health.repository.js';
import { MIGRATION_NAMES } from '../db/migrate.js';
import { jobCountsByState } from '../jobs/job.repository.js';
import { dbPoolConnections, httpDuration, jobQueueDepth, metricsRegistry } from '../metrics.js';
import type { FileStore } from '../storage/file-store.js';

/** Paths an orchestrator or Prometheus calls: no session lookup, no page chrome. */
export const OPS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);
const CHECK_TIMEOUT_MS = 3000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer in ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function check(what: string, run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await within(run(), what);
    return undefined;
  } catch (err) {
    return `${what}: ${(err as Error).message}`;
  }
}

function tokenMatches(given: string | undefined, expected: string | undefined): boolean {
  if (!expected || !given?.startsWith('Bearer ')) return false;
  const a = Buffer.from(given.slice('Bearer '.length));
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/healthz` (the process answers), `/readyz` (database and file storage reachable, schema
 * current: a load balancer sends traffic only then) and `/metrics` (Prometheus, bearer token).
 */
export function opsRoutes(
  app: FastifyInstance,
  deps: { config: Config; database: Database; files: FileStore },
) {
  const { database, files, config } = deps;

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    httpDuration.observe(
      { route, method: req.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get('/healthz', async () => ({ ok: true, database: database.kind }));

  app.get('/readyz', async (_req, reply) => {
    const problems = (
      await Promise.all([
        check('database', () => pingDatabase(database.db)),
        check('storage', () => files.check()),
        check('migrations', async () => {
          const applied = new Set(await appliedMigrations(database.db));
          const missing = MIGRATION_NAMES.filter((name) => !applied.has(name));
          if (missing.length > 0) throw new Error(`not applied: ${missing.join(', ')}`);
        }),
      ])
    ).filter((p): p is string => p !== undefined);
    reply.header('cache-control', 'no-store');
    if (problems.length > 0) return reply.code(503).send({ ready: false, problems });
    return { ready: true };
  });

  app.get('/metrics', async (req, reply) => {
    if (!tokenMatches(req.headers.authorization, config.metricsToken))
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'metrics token required' });
    const counts = await jobCountsByState(database.db).catch(() => []);
    jobQueueDepth.reset();
    for (const { state, count } of counts) jobQueueDepth.set({ state }, count);
    const pool = database.pool;
    if (pool) {
      dbPoolConnections.set({ state: 'total' }, pool.totalCount);
      dbPoolConnections.set({ state: 'idle' }, pool.idleCount);
      dbPoolConnections.set({ state: 'waiting' }, pool.waitingCount);
    }
    reply.header('content-type', metricsRegistry.contentType);
    return metricsRegistry.metrics();
  });
}
