import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteClient } from './pglite/pglite-client.js';
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
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client losing its server (restart, failover, a dropped database) emits 'error';
    // unhandled, that would end the process. The pool replaces the client on next use.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
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

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
