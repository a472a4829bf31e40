import { loadConfig } from '../../kernel/config.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { restoreBackup, writeBackup } from '../../modules/backup/index.js';
import { seedDemo } from '../../modules/demo/index.js';
import { withPlatform } from '../platform.js';

/** `satudata migrate`, `seed-demo`, `backup` and `restore`: the database as a whole. */

export function migrate(): Promise<void> {
  return withPlatform('migrate', async () => console.log('OK: skema mutakhir / schema up to date'));
}

export function seedDemoRegion(): Promise<void> {
  return withPlatform('seed-demo', async (p) => {
    const config = loadConfig();
    const r = await seedDemo(p.database, {
      isProduction: config.isProduction,
      files: fileStoreFor(config),
    });
    console.log(
      r.seeded
        ? `OK: ${r.agencies} agencies, ${r.users} users, ${r.datasets} datasets`
        : 'Demo sudah dimuat / demo already loaded',
    );
  });
}

/** With the stored files (read through the file store: disk or S3) unless `withoutFiles`. */
export function backup(file: string, o: { withoutFiles?: boolean } = {}): Promise<void> {
  return withPlatform('backup', async (p) => {
    const files = o.withoutFiles ? undefined : fileStoreFor(loadConfig());
    const r = await writeBackup(p.database, file, files ? { files } : {});
    console.log(
      `OK: ${r.tables.reduce((n, t) => n + t.rows, 0)} rows in ${r.tables.length} tables` +
        `${r.files === undefined ? '' : `, ${r.files} files`} → ${file}`,
    );
  });
}

export function restore(file: string): Promise<void> {
  return withPlatform(
    'restore',
    async (p) => {
      // The backup's stored files go into this deployment's store (disk or S3).
      const r = await restoreBackup(p.database, file, { files: fileStoreFor(loadConfig()) });
      console.log(
        `OK: ${r.tables.reduce((n, t) => n + t.rows, 0)} rows in ${r.tables.length} tables` +
          `${r.files ? `, ${r.files} files` : ''} ← ${file}`,
      );
    },
    { siteSettings: false },
  );
}
