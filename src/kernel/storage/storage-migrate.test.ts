import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.js';
import { DiskFileStore, S3FileStore } from './file-store.js';
import { migrateStorage } from './storage-migrate.js';

describe('satudata storage migrate (disk → S3)', () => {
  let server: TestS3Server;
  let root: string;
  beforeAll(async () => {
    server = await startS3Server('satudata-migrate');
    root = await mkdtemp(path.join(tmpdir(), 'satudata-files-'));
  });
  afterAll(async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('copies every local file under the same key, verifies hashes, and skips what is already there', async () => {
    const disk = new DiskFileStore(root);
    const s3 = new S3FileStore(server.settings);
    const a = await disk.save(Readable.from(['kode,nama\n35.20,Magetan\n']), 'wilayah.csv', 1000);
    const b = await disk.save(Readable.from(['lampiran']), 'surat.pdf', 1000);

    const first = await migrateStorage(disk, s3);
    expect(first).toEqual({ copied: 2, skipped: 0, mismatched: [] });
    expect(await text(s3.open(a.key))).toBe('kode,nama\n35.20,Magetan\n');
    expect(await s3.sizeOf(b.key)).toBe(b.size);

    const again = await migrateStorage(disk, s3);
    expect(again).toEqual({ copied: 0, skipped: 2, mismatched: [] });
    expect(await disk.exists(a.key)).toBe(true);
  });
});
