import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteClient } from './pglite/pglite-client.js';
import { prepareStatementsOf } from './prepared-statements.js';

export { PREPARED_MARK } from './prepared-statements.js';

import { PgliteDialect } from './pglite/pglite-dialect.js';
import type { DB } from './schema.js';

export type DriverKind = 'pglite' | 'postgres';

/** The open database: the typed query builder plus what Kysely does not cover. */
export interface Database {
  kind: DriverKind;
  db: Kysely<DB>;
  /** Where the data lives, for messages: a folder or a redacted URL. */
  location: string;
  close(): Promise<void>;
  /** The PostgreSQL pool's counters (metrics); absent on PGlite. */
  pool?: { totalCount: number; idleCount: number; waitingCount: number };
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

// Same values from both drivers: bigint columns as numbers (ids stay far below 2^53) and
// dates as 'YYYY-MM-DD' strings (PGlite is set the same way in its worker).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * The application_name of the app's PostgreSQL connections (pg_stat_activity), unless the URL
 * names another: operators and the fault test find the app's backends by it.
 */
export const APPLICATION_NAME = 'satudata';

/** Folder of the embedded database inside the data folder. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/**
 * Open the database named by the options: PostgreSQL when a URL is given, otherwise the
 * embedded PGlite under `<dataDir>/pglite`, owned by a worker thread.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = createPostgresPool(options.databaseUrl);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
      pool,
      db,
      location: redactUrl(options.databaseUrl),
      close: () => db.destroy(),
    };
  }
  const dir = pgliteDir(options.dataDir);
  await mkdir(dir, { recursive: true });
  const client = await PgliteClient.open(dir);
  const db = new Kysely<DB>({ dialect: new PgliteDialect(client) });
  return {
    kind: 'pglite',
    db,
    location: dir,
    close: async () => {
      await db.destroy();
      await client.close();
    },
  };
}

/**
 * A pool whose connections may be lost at any moment (server restart, failover,
 * pg_terminate_backend) without ending the process. pg emits 'error' on a client whose
 * connection dies, and the pool listens only while the client is idle: one lost while checked
 * out (a transaction, a COPY) was an unhandled 'error' event that ended Node. So every client
 * gets a listener for its whole life: the statement in flight fails with the error (the request
 * answers 500, the job fails and is retried) and the pool drops the client when it is released,
 * as it is no longer queryable. Any other pool on PostgreSQL is made here too.
 */
export function createPostgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: APPLICATION_NAME,
    // An unreachable server fails requests (and /readyz) within seconds instead of hanging them.
    connectionTimeoutMillis: 5000,
  });
  pool.on('connect', (client) => {
    prepareStatementsOf(client);
    let reported = false;
    client.on('error', (err) => {
      if (!reported) console.error(`PostgreSQL connection lost: ${err.message}`);
      reported = true;
    });
  });
  // An idle client's error is re-emitted by the pool after it removed the client; the client's
  // own listener above has already reported it.
  pool.on('error', () => {});
  return pool;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
