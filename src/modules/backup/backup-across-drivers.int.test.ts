/** Backups move a region between PGlite and PostgreSQL (needs TEST_DATABASE_URL). */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BackupScratch,
  dumpAll,
  prepareBackupScratch,
  rowCounts,
  SLOW,
} from '../../../test/support/backup-fixtures.js';
import type { Database } from '../../kernel/db/database.js';
import { type BackupSummary, restoreBackup, writeBackup } from './index.js';

describe.skipIf(!process.env.TEST_DATABASE_URL)('restoreBackup across drivers (PGlite ↔ PostgreSQL)', () => {
  let s: BackupScratch;
  let tmp: string;
  let backupFile: string;
  let backupSummary: BackupSummary;
  let sourceDump: Record<string, string>;
  let migratedDatabase: BackupScratch['migratedDatabase'];
  let server: Database;

  beforeAll(async () => {
    s = await prepareBackupScratch();
    ({ tmp, backupFile, backupSummary, sourceDump, migratedDatabase } = s);
    server = await migratedDatabase('postgres');
  }, SLOW.timeout);

  afterAll(async () => {
    await s?.cleanup();
  }, SLOW.timeout);

  it('restores a PGlite backup into PostgreSQL with identical rows', SLOW, async () => {
    const summary = await restoreBackup(server, backupFile);
    expect(summary).toEqual(backupSummary);
    const restored = await dumpAll(server);
    expect(rowCounts(restored)).toEqual(rowCounts(sourceDump));
    expect(restored).toEqual(sourceDump);
  });

  it('backs PostgreSQL up and restores it into PGlite with identical rows', SLOW, async () => {
    const file = path.join(tmp, 'from-server.backup');
    const summary = await writeBackup(server, file);
    expect(summary).toEqual(backupSummary);
    const target = await migratedDatabase('pglite');
    await restoreBackup(target, file);
    expect(await dumpAll(target)).toEqual(sourceDump);
  });

  it('refuses a non-empty PostgreSQL target and leaves it unchanged', SLOW, async () => {
    const before = await dumpAll(server);
    await expect(restoreBackup(server, backupFile)).rejects.toThrow(/Target database is not empty/);
    expect(await dumpAll(server)).toEqual(before);
  });
});
