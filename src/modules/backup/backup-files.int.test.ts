/**
 * Backups through the file store (issue #22): the stored files of an S3 deployment are read
 * through the store into the backup and written back through the store on restore (into S3 or
 * onto disk), each checked against its SHA-256; a failed restore leaves no file behind.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../../test/factories/index.js';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { DiskFileStore, type FileStore, S3FileStore } from '../../kernel/storage/file-store.js';
import { restoreBackup, writeBackup } from './index.js';

async function allKeys(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys()) keys.push(key);
  return keys.sort();
}

describe('backups carry the stored files through the file store', () => {
  let s3: TestS3Server;
  let source: TestDatabase;
  let bucket: S3FileStore;
  const targets: TestDatabase[] = [];
  let backupFile: string;
  // Larger than one base64 line (48 KiB) and not a multiple of it.
  const big = randomBytes(150_001);
  const small = Buffer.from('kecamatan,jumlah\nMagetan,120\n');
  const stored: Record<string, Buffer> = {};

  beforeAll(async () => {
    s3 = await startS3Server();
    bucket = new S3FileStore(s3.settings);
    source = await createTestDatabase('pglite');
    await buildAgency(source.database, { code: 'dinkes' });
    for (const [name, bytes] of [
      ['besar.bin', big],
      ['rekap.csv', small],
    ] as const) {
      const file = await bucket.save(Readable.from([bytes]), name, 10_000_000);
      stored[file.key] = bytes;
    }
    backupFile = path.join(source.dataDir, 'region.backup');
  });
  afterAll(async () => {
    for (const t of targets) await t.drop();
    await source?.drop();
    await s3?.stop();
  });

  it('writes every stored file into the backup, read from S3', async () => {
    const summary = await writeBackup(source.database, backupFile, { files: bucket });
    expect(summary.files).toBe(2);
    const lines = gunzipSync(await readFile(backupFile))
      .toString('utf8')
      .trim()
      .split('\n');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ version: 2, files: true });
    const starts = lines.filter((l) => l.startsWith('{"file"')).map((l) => JSON.parse(l).file);
    expect(starts).toEqual(Object.keys(stored).sort());
    expect(lines.at(-1)).toBe('{"done":true}');
  });

  it('restores the files into an empty bucket with the same keys and bytes', async () => {
    await bucket.remove(Object.keys(stored)[0] ?? '');
    await bucket.remove(Object.keys(stored)[1] ?? '');
    expect(await allKeys(bucket)).toEqual([]);
    const target = await createTestDatabase('pglite');
    targets.push(target);
    const summary = await restoreBackup(target.database, backupFile, { files: bucket });
    expect(summary.files).toBe(2);
    expect(await target.database.db.selectFrom('agency').select('code').execute()).toEqual([
      { code: 'dinkes' },
    ]);
    expect(await allKeys(bucket)).toEqual(Object.keys(stored).sort());
    for (const [key, bytes] of Object.entries(stored))
      expect((await buffer(bucket.open(key))).equals(bytes)).toBe(true);
  });

  it('restores an S3 deployment onto disk (another kind of store)', async () => {
    const target = await createTestDatabase('pglite');
    targets.push(target);
    const disk = new DiskFileStore(path.join(target.dataDir, 'files'));
    await restoreBackup(target.database, backupFile, { files: disk });
    for (const [key, bytes] of Object.entries(stored))
      expect((await readFile(disk.pathOf(key))).equals(bytes)).toBe(true);
  });

  it('refuses a backup whose file was altered, and leaves no file and no row behind', async () => {
    const lines = gunzipSync(await readFile(backupFile))
      .toString('utf8')
      .trim()
      .split('\n');
    // Flip the first data line of the large file (the backup lists files by key).
    const at = lines.findIndex((l) => l.startsWith('"'));
    const bytes = Buffer.from(JSON.parse(lines[at] ?? '""') as string, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    lines[at] = JSON.stringify(bytes.toString('base64'));
    const altered = path.join(source.dataDir, 'altered.backup');
    await writeFile(altered, gzipSync(`${lines.join('\n')}\n`));
    const target = await createTestDatabase('pglite');
    targets.push(target);
    const disk = new DiskFileStore(path.join(target.dataDir, 'files'));
    await expect(restoreBackup(target.database, altered, { files: disk })).rejects.toThrow(
      /does not match its recorded size and SHA-256/,
    );
    expect(await allKeys(disk)).toEqual([]);
    const agencies = await target.database.db.selectFrom('agency').select('code').execute();
    expect(agencies).toEqual([]);
  });
});
