import type { Database } from '../../kernel/db/database.js';
import { migrateToLatest } from '../../kernel/db/migrate.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { queueDatastoreRebuild } from '../datastore/index.js';
import { inRestoreTransaction, resetSequences } from './backup.repository.js';
import { assertKnownMigrations, type BackupSummary, readHeader, readLines } from './backup-file.js';
import { addConstraint, dropCyclePointers } from './backup-schema.repository.js';
import { assertEmpty } from './restore-checks.js';
import { Restorer } from './restorer.js';
import { discoverTables } from './table-order.js';
import { requireTable } from './tables.js';

/**
 * Restore a backup made by writeBackup into this database, whichever driver made it.
 * Refuses a file that is not a backup, a backup from a newer version, and a target that
 * already holds data. Runs the migrations first, then inserts everything in ONE transaction,
 * so a failed restore leaves the target as empty as it was; finally moves each serial or
 * identity sequence past the restored ids. The backup's stored files (format version 2) are
 * written through `options.files` (disk or S3) as they come, each checked against its SHA-256;
 * when the restore fails, the files it wrote are removed again.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  options: { files?: FileStore } = {},
): Promise<BackupSummary> {
  const header = await readHeader(file);
  assertKnownMigrations(header, file);
  await migrateToLatest(database.db);
  let restorer: Restorer | undefined;
  try {
    return await inRestoreTransaction(database.db, async (trx) => {
      const target = new Map((await discoverTables(trx)).map((t) => [t.name, t]));
      for (const name of header.tables ?? []) await assertEmpty(trx, requireTable(target, name));
      const pointers = await dropCyclePointers(trx);
      restorer = new Restorer(trx, target, file, options.files);
      for await (const line of readLines(file)) await restorer.accept(line);
      restorer.finish();
      for (const p of pointers) await addConstraint(trx, p);
      for (const table of restorer.restoredTables) await resetSequences(trx, table);
      // Datastore tables are not in backups: loaded versions are queued to be rebuilt from their files.
      await queueDatastoreRebuild(trx);
      return {
        tables: restorer.counts,
        migrations: header.migrations,
        ...(header.files ? { files: restorer.files.count } : {}),
      };
    });
  } catch (err) {
    // The database rolled back: the files written for it go too.
    await restorer?.files.rollBack();
    throw err;
  }
}
