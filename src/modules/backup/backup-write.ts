import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { appliedMigrations, inSnapshot, readPages } from './backup.repository.js';
import { type BackupHeader, type BackupSummary, FORMAT, messageOf, VERSION } from './backup-file.js';
import { fileLines } from './backup-files.js';
import { discoverTables } from './table-order.js';
import type { TableInfo } from './tables.js';

/**
 * Logical backup of everything a region entered, in a format both drivers (PGlite and
 * PostgreSQL) read and write, so an install can move from one to the other (backup-file.ts
 * describes the file, backup.repository.ts how values keep their exact form).
 */

/**
 * Write every table of the public schema (except migration bookkeeping and reference data)
 * to `file` as gzip'ed JSON Lines, streamed page by page from one consistent snapshot.
 * The file appears only when complete: it is written as `<file>.partial`, then renamed.
 * With `options.files`, every stored file follows the tables, read through the file store
 * (disk or S3; backup-files.ts).
 */
export async function writeBackup(
  database: Database,
  file: string,
  options: { files?: FileStore } = {},
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  try {
    const summary = await inSnapshot(database.db, async (trx) => {
      const tables = await discoverTables(trx);
      const migrations = await appliedMigrations(trx);
      const counts: { name: string; rows: number }[] = [];
      const counted = { files: 0 };
      await pipeline(
        backupLines(trx, tables, migrations, counts, options.files, counted),
        createGzip(),
        createWriteStream(partial),
      );
      return { tables: counts, migrations, ...(options.files ? { files: counted.files } : {}) };
    });
    await rename(partial, file);
    return summary;
  } catch (err) {
    await rm(partial, { force: true });
    throw new Error(`Pencadangan gagal / Backup failed (${file}): ${messageOf(err)}`, { cause: err });
  }
}

/** The lines of the backup file, each ending in a newline. */
async function* backupLines(
  db: Kysely<DB>,
  tables: TableInfo[],
  migrations: string[],
  counts: { name: string; rows: number }[],
  files: FileStore | undefined,
  counted: { files: number },
): AsyncGenerator<string> {
  const header: BackupHeader = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    migrations,
    tables: tables.map((t) => t.name),
    files: files !== undefined,
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    yield `${JSON.stringify({ table: table.name, columns: table.columns.map((c) => c.name) })}\n`;
    let rows = 0;
    for await (const page of readPages(db, table)) {
      rows += page.length;
      yield `${page.join('\n')}\n`;
    }
    yield `${JSON.stringify({ end: table.name, rows })}\n`;
    counts.push({ name: table.name, rows });
  }
  if (files) yield* fileLines(files, counted);
  yield `${JSON.stringify({ done: true })}\n`;
}
