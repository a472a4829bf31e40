import path from 'node:path';
import type { StorageConfig } from '../config.js';
import { DiskFileStore } from './disk-file-store.js';
import type { FileStore } from './file-store-port.js';
import { S3FileStore } from './s3-file-store.js';

export { DiskFileStore } from './disk-file-store.js';
export type { ByteRange, FileStore, StoredFile } from './file-store-port.js';
export { safeFileName } from './file-store-port.js';
export { S3FileStore } from './s3-file-store.js';

/** The file store of a deployment: `DATA_DIR/files`, or the S3 bucket when `STORAGE=s3`. */
export function fileStoreFor(config: { dataDir: string; storage?: StorageConfig }): FileStore {
  if (config.storage?.kind === 's3') return new S3FileStore(config.storage);
  return new DiskFileStore(path.join(config.dataDir, 'files'));
}
