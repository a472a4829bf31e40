import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FileStore } from './file-store-port.js';
import type { S3FileStore } from './s3-file-store.js';

export interface StorageMigration {
  copied: number;
  /** Already in the bucket with the same SHA-256: left as it is. */
  skipped: number;
  /** Keys whose copy in the bucket did not hash like the original (left for the operator). */
  mismatched: string[];
}

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

/**
 * Copy every file of the local store to the bucket under the same key (the database keeps keys,
 * so nothing there changes), then read each copy back and compare SHA-256 hashes. Safe to run
 * again: files already copied and equal are skipped. The local files are never deleted.
 */
export async function migrateStorage(
  from: FileStore,
  to: S3FileStore,
  progress: (key: string, state: 'copied' | 'skipped' | 'mismatch') => void = () => {},
): Promise<StorageMigration> {
  const result: StorageMigration = { copied: 0, skipped: 0, mismatched: [] };
  for await (const key of from.keys()) {
    const original = await sha256(from.open(key));
    if ((await to.sizeOf(key)) !== undefined && (await sha256(to.open(key))) === original) {
      result.skipped++;
      progress(key, 'skipped');
      continue;
    }
    await to.putAt(key, from.open(key));
    if ((await sha256(to.open(key))) === original) {
      result.copied++;
      progress(key, 'copied');
    } else {
      result.mismatched.push(key);
      progress(key, 'mismatch');
    }
  }
  return result;
}
