import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type Database, type DriverKind, openDatabase, pgliteDir } from '../../src/kernel/db/database.js';
import { adminUrl, databaseUrlFor, dropDatabase } from './postgres-admin.js';

/**
 * The engines this run tests: PGlite always, PostgreSQL when TEST_DATABASE_URL is set
 * (kysely's test matrix). Integration tests loop `for (const kind of DIALECTS)`.
 */
export const DIALECTS: DriverKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  database: Database;
  kind: DriverKind;
  /** The data folder (PGlite) or database URL (PostgreSQL) of this copy. */
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the given engine, copied from the run's template. */
export async function createTestDatabase(kind: DriverKind): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'satudata-test-'));
  if (kind === 'pglite') {
    await cp(pgliteDir(inject('pgliteTemplate')), pgliteDir(dataDir), { recursive: true });
    const database = await openDatabase({ dataDir });
    return {
      database,
      kind,
      dataDir,
      databaseUrl: undefined,
      drop: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!url || !template) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = `sd_test_${randomBytes(6).toString('hex')}`;
  const admin = await adminUrl(url);
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = databaseUrlFor(url, name);
  const database = await openDatabase({ databaseUrl, dataDir });
  return {
    database,
    kind,
    dataDir,
    databaseUrl,
    drop: async () => {
      await database.close();
      await dropDatabase(url, name);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
