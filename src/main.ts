import type { FastifyInstance } from 'fastify';
import type { Config } from './kernel/config.js';
import { acquireDataLock } from './kernel/db/data-lock.js';
import { type Database, openDatabase } from './kernel/db/database.js';
import { migrateToLatest } from './kernel/db/migrate.js';
import { seedFromPgliteTemplate } from './kernel/db/pglite-template.js';
import { startTableUpkeep } from './kernel/db/table-upkeep.js';
import { JobRunner } from './kernel/jobs/job-runner.js';
import { fileStoreFor } from './kernel/storage/file-store.js';
import { countUsers } from './modules/accounts/index.js';
import { ensureSite } from './modules/agencies/index.js';
import { warmPublicSearchIndex } from './modules/catalog/index.js';
import { scheduleDataRequestSweep } from './modules/data-requests/index.js';
import { seedDemo } from './modules/demo/index.js';
import { scheduleTimeJobs } from './modules/workflows/index.js';
import { createApp } from './modules.js';

export interface Platform {
  database: Database;
  /** Release the embedded database's lock and close it. */
  close(): Promise<void>;
}

/**
 * Open the configured database for a command: take the data folder's lock when it is the
 * embedded PGlite (one owner process), then migrate.
 */
export async function openPlatform(config: Config, purpose: string, port?: number): Promise<Platform> {
  const release = config.databaseUrl ? async () => {} : await acquireDataLock(config.dataDir, purpose, port);
  try {
    // A new embedded database starts as a copy of the migrated template made at install time.
    if (!config.databaseUrl) await seedFromPgliteTemplate(config.dataDir);
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(database.db);
    } catch (err) {
      await database.close();
      throw err;
    }
    return {
      database,
      close: async () => {
        await database.close();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}

/**
 * Wiring only: config → database (migrated) → site and, on a fresh development database, the
 * demo region → HTTP app listening. Returns the app and a stop function.
 */
export async function startServer(
  config: Config,
): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const platform = await openPlatform(config, 'serve', config.port);
  const { database } = platform;
  let jobs: JobRunner | undefined;
  let stopUpkeep: (() => Promise<void>) | undefined;
  try {
    const site = await ensureSite(database.db, config);
    if (!config.isProduction && (await countUsers(database.db)) === 0) {
      const seeded = await seedDemo(database, { isProduction: false, files: fileStoreFor(config) });
      if (seeded.seeded)
        console.log(
          `Demo ${site.regionName}: ${seeded.agencies} agencies, ${seeded.users} users, ${seeded.datasets} datasets`,
        );
    }
    const app = await createApp({ config, database, site });
    // Background jobs (ingest): recovers what a stopped process left, then runs the queue.
    jobs = new JobRunner({
      db: database.db,
      driver: database.kind,
      files: fileStoreFor(config),
      leaseMs: config.jobLeaseMs,
      recoverEveryMs: Math.min(30_000, config.jobLeaseMs / 2),
      onError: (err) => app.log.error({ err }, 'job runner'),
    });
    await jobs.start();
    // PGlite has no autovacuum workers: the server vacuums one table at a time itself.
    if (database.kind === 'pglite')
      stopUpkeep = startTableUpkeep(database.db, {
        log: (event) =>
          event.outcome === 'too_large'
            ? app.log.warn(event, 'table too large to vacuum on the embedded database; use PostgreSQL')
            : app.log.info(event, 'table vacuumed'),
        onError: (err) => app.log.error({ err }, 'table upkeep'),
      });
    // Reminders, escalations and recurring cycles run as periodic jobs (queued once).
    await scheduleTimeJobs(database.db, config.siteUrl);
    // Data requests: legal-clock reminders and escalations, and the retention purge.
    await scheduleDataRequestSweep(database.db, config.siteUrl);
    await app.listen({ port: config.port, host: config.host });
    // The public search index is built once at start, so the first searches are answered from it
    // (afterwards it follows the catalog's changes by itself); until it is ready SQL answers.
    const warming = warmPublicSearchIndex(database.db).catch((err) =>
      app.log.warn({ err }, 'public search index not built at start; the first search builds it'),
    );
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await jobs?.stop();
        await stopUpkeep?.();
        await warming;
        await app.close();
        await platform.close();
      })();
      return stopping;
    };
    return { app, stop };
  } catch (err) {
    await jobs?.stop();
    await stopUpkeep?.();
    await platform.close();
    throw err;
  }
}
