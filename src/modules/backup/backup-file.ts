import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { MIGRATION_NAMES } from '../../kernel/db/migrate.js';

/**
 * The backup file: gzip'ed JSON Lines.
 *   {"format":"satudata-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…]}
 *   {"table":"agency","columns":["id","code",…]}
 *   ["0b6f…","DISKOMINFO",…]            one line per row, values in column order
 *   {"end":"agency","rows":12}
 *   …
 *   …                                    then (version 2) the stored files, see backup-files.ts
 *   {"done":true}
 * This file reads it line by line and checks its header; backup-write.ts writes it.
 */

export const FORMAT = 'satudata-backup';
/** Version 2 adds the stored files section (backup-files.ts); version 1 files still restore. */
export const VERSION = 2;
const READABLE_VERSIONS = [1, 2];

/** What a backup holds, or what a restore put back: rows per table, oldest table first. */
export interface BackupSummary {
  tables: { name: string; rows: number }[];
  migrations: string[];
  /** Stored files in the backup (written or restored through the file store). */
  files?: number;
}

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables?: string[];
  /** Whether the stored files follow the tables (version 2). */
  files?: boolean;
}

/** Read and check the first line of the file, without touching any database. */
export async function readHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) return parseHeader(line, file);
  throw invalidBackup(file, 'the file is empty');
}

function parseHeader(line: string, file: string): BackupHeader {
  const value = parseJson(line, file, 1);
  if (!isRecord(value) || value.format !== FORMAT) {
    throw invalidBackup(file, 'no satudata-backup header on line 1');
  }
  if (typeof value.version !== 'number' || !READABLE_VERSIONS.includes(value.version)) {
    throw new Error(
      `Versi format cadangan ${String(value.version)} tidak dikenal / Unknown backup format version ` +
        `${String(value.version)} in ${file}: this build reads version ${VERSION}`,
    );
  }
  if (!isStringArray(value.migrations) || (value.tables !== undefined && !isStringArray(value.tables))) {
    throw invalidBackup(file, 'malformed header on line 1');
  }
  return {
    format: FORMAT,
    version: value.version,
    createdAt: String(value.createdAt),
    migrations: value.migrations,
    ...(value.tables ? { tables: value.tables } : {}),
    ...(value.files === true ? { files: true } : {}),
  };
}

/** The backup's schema must be this build's, or an older one this build can migrate from. */
export function assertKnownMigrations(header: BackupHeader, file: string): void {
  const isPrefix =
    header.migrations.length <= MIGRATION_NAMES.length &&
    header.migrations.every((name, i) => MIGRATION_NAMES[i] === name);
  if (isPrefix) return;
  const unknown = header.migrations.filter((name) => !MIGRATION_NAMES.includes(name));
  throw new Error(
    `Cadangan ${file} berasal dari versi yang lebih baru / Backup ${file} is from a newer version ` +
      `(migrations unknown to this build: ${unknown.join(', ') || 'different order'}); ` +
      'perbarui satudata lalu ulangi / upgrade satudata, then restore again',
  );
}

/**
 * The file's lines, decompressed as they stream from disk. Stream failures (missing file,
 * bad gzip, cut-off file) become bilingual errors naming the file.
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } catch (err) {
    throw streamError(file, err);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function streamError(file: string, err: unknown): Error {
  const code = isRecord(err) && typeof err.code === 'string' ? err.code : '';
  if (code.startsWith('Z_')) return invalidBackup(file, `not a readable gzip file (${messageOf(err)})`);
  return new Error(
    `Berkas cadangan tidak dapat dibaca / Cannot read backup file ${file}: ${messageOf(err)}`,
    { cause: err },
  );
}

export function parseJson(line: string, file: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw invalidBackup(file, `line ${lineNo} is not JSON`);
  }
}

export function invalidBackup(file: string, reason: string): Error {
  return new Error(
    `Berkas ${file} bukan cadangan satudata yang sah / ${file} is not a valid satudata backup: ${reason}`,
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
