/** restoreBackup refuses what is not a backup of this or an older version, and rolls back. */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BackupScratch,
  dumpAll,
  prepareBackupScratch,
  SLOW,
} from '../../../test/support/backup-fixtures.js';
import type { Database } from '../../kernel/db/database.js';
import { MIGRATION_NAMES } from '../../kernel/db/migrate.js';
import { restoreBackup } from './index.js';

let s: BackupScratch;
let tmp: string;
let backupFile: string;
let migratedDatabase: BackupScratch['migratedDatabase'];

beforeAll(async () => {
  s = await prepareBackupScratch();
  tmp = s.tmp;
  backupFile = s.backupFile;
  migratedDatabase = s.migratedDatabase;
}, SLOW.timeout);

afterAll(async () => {
  await s?.cleanup();
}, SLOW.timeout);

describe('restoreBackup refusals on an empty target', () => {
  let target: Database;
  let emptyDump: Record<string, string>;

  beforeAll(async () => {
    target = await migratedDatabase('pglite');
    emptyDump = await dumpAll(target);
  }, SLOW.timeout);

  afterAll(async () => {
    // Every failed restore rolled back: the target is still exactly as migrations left it.
    expect(await dumpAll(target)).toEqual(emptyDump);
  }, SLOW.timeout);

  it('refuses files that are not backups, naming the file', SLOW, async () => {
    const bytes = await readFile(backupFile);
    const cases: Record<string, Buffer> = {
      'random.bin': randomBytes(2048),
      'plain.jsonl': Buffer.from('{"hello":"world"}\n'),
      'other.jsonl.gz': gzipSync('{"hello":"world"}\n'),
      'truncated.backup': bytes.subarray(0, Math.floor(bytes.length / 2)),
      'headeronly.backup': gzipSync(
        `${JSON.stringify({ format: 'satudata-backup', version: 1, createdAt: '', migrations: [] })}\n`,
      ),
      'empty.backup': Buffer.alloc(0),
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = path.join(tmp, name);
      await writeFile(file, content);
      await expect(restoreBackup(target, file), name).rejects.toThrow(file);
      await expect(restoreBackup(target, file), name).rejects.toThrow(/ \/ /);
    }
    const missing = path.join(tmp, 'missing.backup');
    await expect(restoreBackup(target, missing)).rejects.toThrow(
      `Berkas cadangan tidak dapat dibaca / Cannot read backup file ${missing}`,
    );
  });

  it('refuses a backup from a newer version', SLOW, async () => {
    const file = path.join(tmp, 'newer.backup');
    const header = {
      format: 'satudata-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: [...MIGRATION_NAMES, '9999-from-the-future'],
    };
    await writeFile(file, gzipSync(`${JSON.stringify(header)}\n{"done":true}\n`));
    await expect(restoreBackup(target, file)).rejects.toThrow(/yang lebih baru \/ .*is from a newer version/);
  });
});
