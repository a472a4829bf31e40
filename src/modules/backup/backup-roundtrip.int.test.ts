/** writeBackup, then restoreBackup into a new PGlite folder: identical rows, sequences moved on. */
import { access } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BackupScratch,
  dumpAll,
  prepareBackupScratch,
  rowCounts,
  SLOW,
} from '../../../test/support/backup-fixtures.js';
import type { Database } from '../../kernel/db/database.js';
import { MIGRATION_NAMES } from '../../kernel/db/migrate.js';
import type { BackupSummary } from './index.js';
import { restoreBackup } from './index.js';

let s: BackupScratch;
let source: Database;
let backupFile: string;
let backupSummary: BackupSummary;
let sourceDump: Record<string, string>;
let unmigratedPglite: BackupScratch['unmigratedPglite'];

beforeAll(async () => {
  s = await prepareBackupScratch();
  source = s.source;
  backupFile = s.backupFile;
  backupSummary = s.backupSummary;
  sourceDump = s.sourceDump;
  unmigratedPglite = s.unmigratedPglite;
}, SLOW.timeout);

afterAll(async () => {
  await s?.cleanup();
}, SLOW.timeout);

describe('writeBackup', () => {
  it('lists every data table with its rows, parents first, and the migrations', () => {
    const names = backupSummary.tables.map((t) => t.name);
    expect(names).not.toContain('region');
    expect(names).not.toContain('kysely_migration');
    expect(names.indexOf('agency')).toBeLessThan(names.indexOf('app_user'));
    expect(names.indexOf('app_user')).toBeLessThan(names.indexOf('user_role'));
    expect(names.indexOf('app_user')).toBeLessThan(names.indexOf('api_token'));
    const counts = Object.fromEntries(backupSummary.tables.map((t) => [t.name, t.rows]));
    expect(counts).toMatchObject(rowCounts(sourceDump));
    expect(backupSummary.migrations).toEqual(MIGRATION_NAMES);
  });

  it('leaves no partial file behind', async () => {
    await expect(access(`${backupFile}.partial`)).rejects.toThrow();
    await expect(access(backupFile)).resolves.toBeUndefined();
  });
});

describe('restoreBackup into a new PGlite folder', () => {
  let target: Database;

  beforeAll(async () => {
    target = await unmigratedPglite('target');
  }, SLOW.timeout);

  it('restores identical rows and moves sequences past the restored ids', SLOW, async () => {
    const summary = await restoreBackup(target, backupFile);
    expect(summary).toEqual(backupSummary);
    const restored = await dumpAll(target);
    expect(rowCounts(restored)).toEqual(rowCounts(sourceDump));
    expect(restored).toEqual(sourceDump);

    const maxId = await source.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirst();
    const next = await target.db
      .insertInto('audit_log')
      .values({ actor_name: 'system', action: 'after.restore', subject_type: 'test', summary: {} })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(next.id)).toBe(Number(maxId?.m) + 1);
    const probe = await sql<{
      id: number;
    }>`insert into backup_probe (flag) values (true) returning id`.execute(target.db);
    expect(probe.rows[0]?.id).toBe(4);
  });

  it('refuses a target that is not empty and leaves it unchanged', SLOW, async () => {
    const before = await dumpAll(target);
    await expect(restoreBackup(target, backupFile)).rejects.toThrow(
      /^Basis data tujuan tidak kosong \/ Target database is not empty: table \w+ has \d+ rows$/,
    );
    expect(await dumpAll(target)).toEqual(before);
  });
});
