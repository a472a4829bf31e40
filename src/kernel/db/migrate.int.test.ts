/** Two instances starting at once on one PostgreSQL database run each migration once (issue #22). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, databaseUrlFor, dropDatabase } from '../../../test/support/postgres-admin.js';
import { type Database, openDatabase } from './database.js';
import { MIGRATION_NAMES, migrateToLatest } from './migrate.js';

const base = process.env.TEST_DATABASE_URL;
const name = `satudata_migrate_race_${process.pid}`;

describe.skipIf(!base)('migrations started by two instances at once (postgres)', () => {
  const url = databaseUrlFor(base ?? 'postgres://x@localhost/x', name);
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    const admin = await adminUrl(base ?? '');
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    a = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
    b = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropDatabase(base ?? '', name);
  });

  it('runs every migration exactly once, the other instance waiting on the advisory lock', async () => {
    const [first, second] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
    expect([...first, ...second].sort()).toEqual([...MIGRATION_NAMES].sort());
    expect(first.length === 0 || second.length === 0).toBe(true);
  });
});
