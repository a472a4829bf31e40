/** `satudata import`: the real command, a progress bar on stderr, a bilingual failure. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, createDataset, userWithToken } from '../../../test/support/catalog-fixtures.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { openDatabase } from '../../kernel/db/database.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin/satudata.js');

for (const kind of DIALECTS) {
  describe(`satudata import on ${kind}`, () => {
    let tdb: TestDatabase;
    let work: string;

    async function satudata(args: string[]) {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        DATA_DIR: tdb.dataDir,
      };
      if (tdb.databaseUrl) env.DATABASE_URL = tdb.databaseUrl;
      else delete env.DATABASE_URL;
      try {
        const r = await run(process.execPath, [BIN, ...args], { env, cwd: ROOT });
        return { code: 0, stdout: r.stdout, stderr: r.stderr };
      } catch (err) {
        const e = err as { code?: number; stdout?: string; stderr?: string };
        return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
      }
    }

    beforeAll(async () => {
      tdb = await createTestDatabase(kind);
      const agency = await createAgency(tdb.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      const producer = await userWithToken(tdb.database, 'producer', agency.id);
      await createDataset(tdb.database, producer.actor, {
        name: 'penduduk-kecamatan',
        owner_org: agency.id,
        private: true,
      });
      // PGlite has one owner process: the command opens it itself.
      if (kind === 'pglite') await tdb.database.close();
      work = await mkdtemp(path.join(os.tmpdir(), 'satudata-import-'));
    });
    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
      if (kind === 'pglite') await rm(tdb.dataDir, { recursive: true, force: true });
      else await tdb.drop();
    });

    it('loads a CSV as a new resource with a progress bar, then refuses a bad new version and keeps the first', async () => {
      const good = path.join(work, 'penduduk.csv');
      const rows = Array.from({ length: 500 }, (_, i) => `${3520000 + i};Desa ${i};${1000 + i}`).join('\n');
      await writeFile(good, `kode;nama;jumlah\n${rows}\n`);
      const ok = await satudata(['import', good, '--dataset', 'penduduk-kecamatan']);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('OK: 500 baris dimuat sebagai versi 1 / 500 rows loaded as version 1');
      expect(ok.stderr).toMatch(/\[#+\] 100% 500 baris\/rows/);
      const resourceId = ok.stdout.match(/resource ([0-9a-f-]{36})/)?.[1] ?? '';

      const bad = path.join(work, 'penduduk-2.csv');
      await writeFile(bad, 'kode;nama;jumlah\n3520000;Desa;banyak\n');
      const failed = await satudata([
        'import',
        bad,
        '--dataset',
        'penduduk-kecamatan',
        '--resource',
        resourceId,
      ]);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('GAGAL / FAILED: versi 2 tidak dimuat / version 2 not loaded');
      expect(failed.stderr).toContain('Tipe data salah / Wrong type: 1');
      expect(failed.stderr).not.toMatch(/at .*\.ts:\d+/);

      const missing = await satudata(['import', good, '--dataset', 'tidak-ada']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('Dataset "tidak-ada" tidak ditemukan');

      const database = kind === 'pglite' ? await openDatabase({ dataDir: tdb.dataDir }) : tdb.database;
      try {
        const resource = await database.db
          .selectFrom('resource')
          .innerJoin('resource_version', 'resource_version.id', 'resource.datastore_version_id')
          .select(['resource_version.number', 'resource_version.row_count'])
          .where('resource.id', '=', resourceId)
          .executeTakeFirstOrThrow();
        expect(resource).toEqual({ number: 1, row_count: 500 });
      } finally {
        if (kind === 'pglite') await database.close();
      }
    }, 300_000); // four real commands, each starting tsx and the database
  });
}
