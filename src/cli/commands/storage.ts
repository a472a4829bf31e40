import path from 'node:path';
import { loadConfig } from '../../kernel/config.js';
import { DiskFileStore, S3FileStore } from '../../kernel/storage/file-store.js';
import { migrateStorage } from '../../kernel/storage/storage-migrate.js';

/**
 * `satudata storage migrate`: copy `DATA_DIR/files` into the S3 bucket configured by the S3_*
 * settings (STORAGE=s3), verifying every copy's SHA-256. Run it before switching STORAGE to s3.
 */
export async function storageMigrate(): Promise<void> {
  const config = loadConfig();
  if (config.storage.kind !== 's3') {
    throw new Error(
      'Atur STORAGE=s3 dan S3_* dulu / Set STORAGE=s3 and the S3_* settings first (the target bucket)',
    );
  }
  const from = new DiskFileStore(path.join(config.dataDir, 'files'));
  const to = new S3FileStore(config.storage);
  await to.check();
  const r = await migrateStorage(from, to, (key, state) => console.log(`${state}: ${key}`));
  console.log(`OK: ${r.copied} disalin / copied, ${r.skipped} sudah ada / already there`);
  if (r.mismatched.length > 0) {
    process.exitCode = 1;
    console.error(
      `GAGAL / FAILED: hash differs for ${r.mismatched.length} file(s): ${r.mismatched.join(', ')}`,
    );
  }
}
