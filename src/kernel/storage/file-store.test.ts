import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.js';
import { DiskFileStore, type FileStore, S3FileStore } from './file-store.js';

/**
 * One contract, two adapters: whatever the disk store promises, the S3 store (against a real S3
 * API server) promises too.
 */
function storageContract(name: string, open: () => Promise<{ store: FileStore; close(): Promise<void> }>) {
  describe(`file store contract: ${name}`, () => {
    let store: FileStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close());

    it('is reachable', async () => {
      await expect(store.check()).resolves.toBeUndefined();
    });

    it('saves a stream under a new key with its size and SHA-256, and reads it back', async () => {
      const stored = await store.save(
        Readable.from(['kode,nama\n', '35.20,Magetan\n']),
        'data wilayah.csv',
        1024,
      );
      expect(stored).toMatchObject({ size: 24, fileName: 'data_wilayah.csv' });
      expect(stored.key).toMatch(/^resources\/[0-9a-f-]{36}\/data_wilayah\.csv$/);
      expect(stored.hash).toBe(
        `sha256:${createHash('sha256').update('kode,nama\n35.20,Magetan\n').digest('hex')}`,
      );
      expect(await text(store.open(stored.key))).toBe('kode,nama\n35.20,Magetan\n');
      expect(await store.exists(stored.key)).toBe(true);
      expect(await store.sizeOf(stored.key)).toBe(24);
    });

    it('gives every save its own key, so an earlier version stays readable', async () => {
      const first = await store.save(Readable.from(['satu']), 'a.csv', 100);
      const second = await store.save(Readable.from(['dua']), 'a.csv', 100);
      expect(first.key).not.toBe(second.key);
      expect(await text(store.open(first.key))).toBe('satu');
    });

    it('reads a byte range (downloads resume)', async () => {
      const stored = await store.save(Readable.from(['0123456789']), 'angka.txt', 100);
      expect(await text(store.open(stored.key, { start: 2, end: 5 }))).toBe('2345');
      expect(await text(store.open(stored.key, { start: 7 }))).toBe('789');
    });

    it('streams a file larger than one multipart part', async () => {
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      const source = Readable.from(
        (function* () {
          for (let i = 0; i < 9; i++) yield chunk;
        })(),
      );
      const stored = await store.save(source, 'besar.csv', 20 * 1024 * 1024);
      expect(stored.size).toBe(9 * 1024 * 1024);
      expect(await store.sizeOf(stored.key)).toBe(9 * 1024 * 1024);
    });

    it('refuses a file over the limit and keeps nothing of it', async () => {
      const before = await allKeys(store);
      const error = await store.save(Readable.from(['x'.repeat(300)]), 'besar.csv', 100).catch((e) => e);
      expect(JSON.stringify(error.fields)).toMatch(/melebihi batas/);
      expect(await allKeys(store)).toEqual(before);
    });

    it('refuses an empty file and keeps nothing of it', async () => {
      const before = await allKeys(store);
      const error = await store.save(Readable.from([]), 'kosong.csv', 100).catch((e) => e);
      expect(JSON.stringify(error.fields)).toMatch(/kosong/);
      expect(await allKeys(store)).toEqual(before);
    });

    it('keeps nothing when the sender breaks off mid-upload', async () => {
      const before = await allKeys(store);
      let reads = 0;
      const source = new Readable({
        read() {
          if (reads++ === 0) this.push('setengah,');
          else this.destroy(new Error('connection reset'));
        },
      });
      await expect(store.save(source, 'putus.csv', 1024)).rejects.toThrow();
      expect(await allKeys(store)).toEqual(before);
    });

    it('stores a stream under a given key (a restore), returning its SHA-256; a broken one leaves nothing', async () => {
      const key = 'resources/0b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e/pulih.csv';
      const hash = await store.putAt(key, Readable.from(['kode,nama\n']));
      expect(hash).toBe(`sha256:${createHash('sha256').update('kode,nama\n').digest('hex')}`);
      expect(await text(store.open(key))).toBe('kode,nama\n');
      const before = await allKeys(store);
      let reads = 0;
      const broken = new Readable({
        read() {
          if (reads++ === 0) this.push('setengah');
          else this.destroy(new Error('connection reset'));
        },
      });
      const other = 'resources/1b6f1c2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e/putus.csv';
      await expect(store.putAt(other, broken)).rejects.toThrow();
      expect(await allKeys(store)).toEqual(before);
      expect(await store.exists(other)).toBe(false);
    });

    it('removes a file, and says a missing key does not exist', async () => {
      const stored = await store.save(Readable.from(['hapus']), 'b.csv', 100);
      await store.remove(stored.key);
      expect(await store.exists(stored.key)).toBe(false);
      expect(await store.sizeOf(stored.key)).toBeUndefined();
      await expect(text(store.open(stored.key))).rejects.toThrow();
    });

    it('refuses keys it did not make', () => {
      expect(() => store.open('../../etc/passwd')).toThrow(/invalid storage key/);
    });
  });
}

async function allKeys(store: FileStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys()) keys.push(key);
  return keys.sort();
}

storageContract('disk', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'satudata-files-'));
  return { store: new DiskFileStore(root), close: () => rm(root, { recursive: true, force: true }) };
});

storageContract('s3 (s3rver)', async () => {
  const server: TestS3Server = await startS3Server();
  return { store: new S3FileStore(server.settings), close: () => server.stop() };
});
