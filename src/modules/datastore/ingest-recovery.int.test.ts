/**
 * The ingest pipeline when things go wrong (issue #4 items 4, 6, 7): a load killed mid-COPY and
 * a dead runner's job leave the previous version serving and no stray table; a started runner
 * picks uploads up and reports progress; a restore rebuilds the tables; others cannot upload or
 * read the status.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf, uniq } from '../../../test/support/catalog-fixtures.js';
import { CSV, CSV_V2, ingestSetup } from '../../../test/support/ingest-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { createTestDatabase, DIALECTS } from '../../../test/support/test-database.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { restoreBackup, writeBackup } from '../backup/index.js';
import { cleanUpVersion, ingestVersion } from './ingest.js';
import { versionTableName } from './version-table.js';

for (const kind of DIALECTS) {
  describe(`ingest on ${kind}`, () => {
    const s = ingestSetup(kind);
    const { dataset, upload, status, resourceRow, tableRows, datastoreTables, loadedResource } = s;
    let t: TestApp;
    let otherProducer: string;
    let runner: JobRunner;
    let fixtures: string;
    beforeAll(() => {
      ({ t, otherProducer, runner, fixtures } = s.ctx);
    });

    it('a load killed mid-COPY leaves the old version intact and no stray table', async () => {
      const r = await loadedResource();
      const before = await resourceRow(r.id);
      const tables = await datastoreTables();
      const many = Buffer.from(
        `kode_kecamatan,nama_kecamatan,jumlah_penduduk\n${Array.from({ length: 50 }, (_, i) => `35200${i},Desa ${i},${i * 10}`).join('\n')}\n`,
      );
      await resultOf(upload('resource_update', { id: r.id }, 'besar.csv', many));
      const version = await t.database.db
        .selectFrom('resource_version')
        .selectAll()
        .where('resource_id', '=', r.id)
        .orderBy('number', 'desc')
        .executeTakeFirstOrThrow();
      const deps = { db: t.database.db, driver: t.kind, files: fileStoreFor(t.config) };
      await expect(ingestVersion(deps, version.id, { chunkRows: 10, failAfterChunks: 2 })).rejects.toThrow(
        /injected failure/,
      );
      expect(await datastoreTables()).toEqual(tables);
      expect((await resourceRow(r.id)).datastore_version_id).toBe(before.datastore_version_id);
      expect((await tableRows(before.datastore_version_id ?? '')).length).toBe(2);
      await cleanUpVersion(t.database.db, version.id, { final: true, message: 'injected' });
      const s = await status(r.id);
      expect(s.state).toBe('error');
      expect(s.error?.message).toContain('terhenti');
      expect(s.error?.message_en).toContain('stopped');
      // The queued job finds the version already failed and does nothing.
      await runner.runUntilIdle();
      expect((await resourceRow(r.id)).datastore_version_id).toBe(before.datastore_version_id);
    });

    it('a job a dead runner left half-done is cleaned up at start and then loaded', async () => {
      const r = await loadedResource();
      await resultOf(upload('resource_update', { id: r.id }, 'penduduk-3.csv', CSV_V2));
      const version = await t.database.db
        .selectFrom('resource_version')
        .selectAll()
        .where('resource_id', '=', r.id)
        .orderBy('number', 'desc')
        .executeTakeFirstOrThrow();
      // The dead process: it claimed the job, created the table, copied some rows, then vanished.
      await t.database.db
        .updateTable('job')
        .set({
          state: 'running',
          attempts: 1,
          locked_by: 'dead-host:1',
          locked_at: new Date(Date.now() - 3_600_000),
        })
        .where('state', '=', 'queued')
        .execute();
      await t.database.db
        .updateTable('resource_version')
        .set({ state: 'running', rows_done: 1 })
        .where('id', '=', version.id)
        .execute();
      await sql
        .raw(
          `create table datastore.${versionTableName(version.id)} (_id bigint); insert into datastore.${versionTableName(version.id)} values (1)`,
        )
        .execute(t.database.db);
      const fresh = new JobRunner({ db: t.database.db, driver: t.kind, files: fileStoreFor(t.config) });
      expect(await fresh.recoverAbandoned()).toBe(1);
      expect(await datastoreTables()).not.toContain(versionTableName(version.id));
      expect((await status(r.id)).state).toBe('pending');
      const job = await t.database.db
        .selectFrom('job')
        .selectAll()
        .where('locked_by', 'is', null)
        .where('state', '=', 'queued')
        .executeTakeFirstOrThrow();
      expect(job.error).toContain('interrupted');
      // Back-off: make it ready now, as time would.
      await t.database.db
        .updateTable('job')
        .set({ run_after: new Date(0) })
        .where('id', '=', job.id)
        .execute();
      await fresh.runUntilIdle();
      const s = await status(r.id);
      expect(s).toMatchObject({ state: 'complete', rows_done: 3 });
      expect((await resourceRow(r.id)).datastore_version_id).toBe(version.id);
    });

    it('a started runner picks up an upload by itself and reports progress on the way', async () => {
      const d = await dataset();
      const rows = Array.from({ length: 3000 }, (_, i) => `${3520000 + i},Desa ${i},${i}`).join('\n');
      const content = Buffer.from(`kode_kecamatan,nama_kecamatan,jumlah_penduduk\n${rows}\n`);
      const live = new JobRunner({
        db: t.database.db,
        driver: t.kind,
        files: fileStoreFor(t.config),
        pollMs: 50,
      });
      await live.start();
      try {
        const r = await resultOf<{ id: string }>(
          upload('resource_create', { package_id: d.id }, 'desa.csv', content),
        );
        let s = await status(r.id);
        for (let i = 0; i < 200 && s.state !== 'complete' && s.state !== 'error'; i++) {
          await new Promise((done) => setTimeout(done, 50));
          s = await status(r.id);
        }
        expect(s).toMatchObject({ state: 'complete', rows_done: 3000, bytes_done: content.length });
      } finally {
        await live.stop();
      }
      const progress: number[] = [];
      const r2 = await resultOf<{ id: string }>(
        upload('resource_create', { package_id: d.id }, 'desa-2.csv', content),
      );
      const v = await t.database.db
        .selectFrom('resource_version')
        .select('id')
        .where('resource_id', '=', r2.id)
        .executeTakeFirstOrThrow();
      await ingestVersion(
        {
          db: t.database.db,
          driver: t.kind,
          files: fileStoreFor(t.config),
          onProgress: (p) => void progress.push(p.rows_done),
        },
        v.id,
        { progressMs: 0, chunkRows: 500 },
      );
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.every((n, i) => i === 0 || n >= (progress[i - 1] ?? 0))).toBe(true);
    });

    it('a restore rebuilds the datastore tables (backups hold none) from the stored files', async () => {
      const r = await loadedResource();
      await resultOf(upload('resource_update', { id: r.id }, 'penduduk-2.csv', CSV_V2));
      await runner.runUntilIdle();
      const before = await resourceRow(r.id);
      const file = path.join(fixtures, `backup-${uniq()}.jsonl.gz`);
      await writeBackup(t.database, file);
      const target = await createTestDatabase(kind);
      try {
        await restoreBackup(target.database, file);
        const db = target.database.db;
        const pending = await db
          .selectFrom('resource_version')
          .select('state')
          .where('resource_id', '=', r.id)
          .execute();
        expect(pending.map((v) => v.state)).toEqual(['pending', 'pending']);
        await new JobRunner({ db, driver: kind, files: fileStoreFor(t.config) }).runUntilIdle();
        const after = await db
          .selectFrom('resource')
          .selectAll()
          .where('id', '=', r.id)
          .executeTakeFirstOrThrow();
        expect(after.datastore_version_id).toBe(before.datastore_version_id);
        const versions = await db
          .selectFrom('resource_version')
          .select(['number', 'state', 'row_count'])
          .where('resource_id', '=', r.id)
          .orderBy('number')
          .execute();
        expect(versions).toEqual([
          { number: 1, state: 'complete', row_count: 2 },
          { number: 2, state: 'complete', row_count: 3 },
        ]);
        const rows =
          await sql`select count(*)::int as n from ${sql.id('datastore', versionTableName(before.datastore_version_id ?? ''))}`.execute(
            db,
          );
        expect(rows.rows).toEqual([{ n: 3 }]);
      } finally {
        await target.drop();
      }
    });

    it('a producer of another agency cannot upload; status and report are not found for those who cannot see the dataset', async () => {
      const r = await loadedResource();
      const versions = async () =>
        (await t.database.db.selectFrom('resource_version').select('id').execute()).length;
      const count = await versions();
      // A producer's dataset is private: to another agency it does not exist (404, as CKAN).
      const res = await upload('resource_update', { id: r.id }, 'x.csv', CSV, otherProducer);
      expect(res.statusCode).toBe(404);
      const d = await dataset();
      const refused = await upload('resource_create', { package_id: d.id }, 'x.csv', CSV, otherProducer);
      expect(refused.statusCode).toBe(404);
      expect(await versions()).toBe(count);
      expect(
        await t.database.db.selectFrom('job').select('id').where('state', '=', 'queued').execute(),
      ).toEqual([]);
      // The dataset is private (a producer's draft): others cannot see its ingest status.
      const hidden = await callAction(t.app, 'resource_ingest_status', {
        query: { id: r.id },
        token: otherProducer,
      });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().success).toBe(false);
      const anonymous = await callAction(t.app, 'resource_validation_show', { query: { id: r.id } });
      expect(anonymous.statusCode).toBe(404);
    });
  });
}
