/**
 * The ingest pipeline end to end (issue #4 items 4, 6, 7): uploads through the CKAN API become
 * versions loaded by the job runner; failed uploads, a load killed mid-COPY and a dead runner's
 * job all leave the previous version serving and no stray table.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src/kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../../src/kernel/storage/file-store.js';
import { restoreBackup, writeBackup } from '../../../src/modules/backup/backup.js';
import { POPULATION_ROWS } from '../../../src/modules/datastore/domain/table-reading/fixture-table.js';
import { writeTableFixtures } from '../../../src/modules/datastore/domain/table-reading/fixtures.js';
import { writeBrokenFixtures } from '../../../src/modules/datastore/domain/table-reading/fixtures-broken.js';
import { cleanUpVersion, ingestVersion } from '../../../src/modules/datastore/ingest.js';
import { versionTableName } from '../../../src/modules/datastore/version-table.js';
import {
  callAction,
  createAgency,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from '../../support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestDatabase, DIALECTS } from '../../support/test-database.js';

const CSV = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,32451\n3520020,Parang,45012\n',
);
const CSV_V2 = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,32460\n3520020,Parang,45100\n3520030,Plaosan,51000\n',
);
const CSV_BAD = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,banyak\n3520020,Parang,45100\n',
);

interface Status {
  state: string;
  rows_done: number;
  bytes_done: number;
  bytes_total: number;
  version: number;
  version_id: string;
  error: { message: string; message_en: string } | null;
}

for (const kind of DIALECTS) {
  describe(`ingest on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    let otherProducer: string;
    let runner: JobRunner;
    let fixtures: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const dinkes = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      const disdik = await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
      producer = (await userWithToken(t.database, 'producer', dinkes.id)).token;
      otherProducer = (await userWithToken(t.database, 'producer', disdik.id)).token;
      runner = new JobRunner({ db: t.database.db, driver: t.kind, files: fileStoreFor(t.config) });
      fixtures = await mkdtemp(path.join(os.tmpdir(), 'ingest-fixtures-'));
    });
    afterAll(async () => {
      await rm(fixtures, { recursive: true, force: true });
      await t?.close();
    });

    const dataset = () =>
      resultOf<{ id: string }>(
        callAction(t.app, 'package_create', {
          body: { name: `ds-${uniq()}`, title: 'Data Uji', owner_org: 'dinkes' },
          token: producer,
        }),
      );

    function upload(
      action: 'resource_create' | 'resource_update',
      fields: Record<string, string>,
      name: string,
      content: Buffer,
      token = producer,
    ) {
      const body = multipartBody(fields, {
        field: 'upload',
        name,
        type: 'application/octet-stream',
        content,
      });
      return t.app.inject({
        method: 'POST',
        url: `/api/3/action/${action}`,
        headers: { ...body.headers, authorization: token },
        payload: body.payload,
      });
    }

    const status = (id: string) =>
      resultOf<Status>(callAction(t.app, 'resource_ingest_status', { query: { id }, token: producer }));
    const resourceRow = (id: string) =>
      t.database.db.selectFrom('resource').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const tableRows = async (versionId: string) =>
      (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.id('datastore', versionTableName(versionId))} order by _id`.execute(
          t.database.db,
        )
      ).rows;
    const datastoreTables = async () =>
      (
        await sql<{
          table_name: string;
        }>`select table_name from information_schema.tables where table_schema = 'datastore'`.execute(
          t.database.db,
        )
      ).rows.map((r) => r.table_name);

    async function loadedResource(content = CSV, name = 'penduduk.csv') {
      const d = await dataset();
      const r = await resultOf<{ id: string }>(
        upload('resource_create', { package_id: d.id }, name, content),
      );
      await runner.runUntilIdle();
      return r;
    }

    it('closes columns holding personal identifiers on the first upload', async () => {
      const csv = Buffer.from(
        'nik,nama,telepon,jumlah\n3520011203850001,Siti,081234567890,3\n3520015507900002,Budi,085712345678,4\n',
      );
      const r = await loadedResource(csv, 'penerima.csv');
      expect((await status(r.id)).state).toBe('complete');
      const fields = (await resourceRow(r.id)).table_schema?.fields ?? [];
      const classOf = (name: string) => fields.find((f) => f.name === name)?.['x-classification'];
      expect(classOf('nik')).toBe('closed');
      expect(classOf('telepon')).toBe('closed');
      expect(classOf('jumlah')).toBeUndefined();
      expect(fields.find((f) => f.name === 'nik')?.['x-pii']).toContain('nik');
    });

    it('infers the first schema from the whole file, not only its first rows', async () => {
      // 1,500 rows: after the 1,000-row sample come a blank, a decimal and a repeated id.
      const lines = ['id,kecamatan,jumlah,catatan'];
      for (let i = 1; i <= 1500; i++) {
        const jumlah = i === 1200 ? '"12,5"' : String(i * 10);
        const catatan = i === 1300 ? '' : `baris ${i}`;
        lines.push(`${i === 1400 ? 7 : i},Kec ${i},${jumlah},${catatan}`);
      }
      const r = await loadedResource(Buffer.from(`${lines.join('\n')}\n`), 'panjang.csv');
      const s = await status(r.id);
      expect(s.state).toBe('complete');
      const schema = (await resourceRow(r.id)).table_schema;
      const field = (name: string) => schema?.fields.find((f) => f.name === name);
      expect(field('jumlah')?.type).toBe('number');
      expect(field('catatan')?.constraints?.required).toBeUndefined();
      expect(schema?.primaryKey).toBeUndefined();
      expect((await tableRows(s.version_id)).length).toBe(1500);
      const shown = await resultOf<{ resources: { id: string; datastore_active: boolean }[] }>(
        callAction(t.app, 'package_show', {
          query: { id: (await resourceRow(r.id)).dataset_id },
          token: producer,
        }),
      );
      expect(shown.resources.find((x) => x.id === r.id)?.datastore_active).toBe(true);
    });

    it('loads a CSV upload into a typed version table and swaps it in, with an audit row', async () => {
      const r = await loadedResource();
      const s = await status(r.id);
      expect(s).toMatchObject({
        state: 'complete',
        version: 1,
        rows_done: 2,
        bytes_done: CSV.length,
        bytes_total: CSV.length,
        error: null,
      });
      const row = await resourceRow(r.id);
      expect(row.datastore_version_id).toBe(s.version_id);
      expect(row.table_schema?.fields.map((f) => f.name)).toEqual([
        'kode_kecamatan',
        'nama_kecamatan',
        'jumlah_penduduk',
      ]);
      expect(await tableRows(s.version_id)).toEqual([
        { _id: 1, kode_kecamatan: '3520010', nama_kecamatan: 'Poncol', jumlah_penduduk: 32451 },
        { _id: 2, kode_kecamatan: '3520020', nama_kecamatan: 'Parang', jumlah_penduduk: 45012 },
      ]);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', r.id)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['resource_create', 'resource_ingest']);
      const search = await resultOf<{ total: number }>(
        callAction(t.app, 'datastore_search', { query: { resource_id: r.id }, token: producer }),
      );
      expect(search.total).toBe(2);
    });

    it('resource_validation_show gives the report with ckanext-validation keys in the CKAN envelope', async () => {
      const r = await loadedResource();
      const res = await callAction(t.app, 'resource_validation_show', {
        query: { id: r.id },
        token: producer,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.success).toBe(true);
      expect(body.help).toContain('resource_validation_show');
      expect(body.result).toMatchObject({
        status: 'success',
        resource_id: r.id,
        report: { valid: true, row_count: 2, error_count: 0 },
      });
      expect(typeof body.result.created).toBe('string');
      expect(typeof body.result.finished).toBe('string');
    });

    it('a later valid upload becomes version 2; version 1 stays queryable', async () => {
      const r = await loadedResource();
      const v1 = (await status(r.id)).version_id;
      await resultOf(upload('resource_update', { id: r.id }, 'penduduk-2.csv', CSV_V2));
      const pending = await status(r.id);
      expect(pending).toMatchObject({ state: 'pending', version: 2, rows_done: 0 });
      expect((await resourceRow(r.id)).datastore_version_id).toBe(v1);
      await runner.runUntilIdle();
      const s = await status(r.id);
      expect(s).toMatchObject({ state: 'complete', version: 2, rows_done: 3 });
      const row = await resourceRow(r.id);
      expect(row.datastore_version_id).toBe(s.version_id);
      expect(row.size).toBe(CSV_V2.length);
      expect(await tableRows(v1)).toHaveLength(2);
      expect(await tableRows(s.version_id)).toHaveLength(3);
    });

    it('an upload with errors loads nothing: the report names row and column, the previous version keeps serving', async () => {
      const r = await loadedResource();
      const before = await resourceRow(r.id);
      const tables = await datastoreTables();
      await resultOf(upload('resource_update', { id: r.id }, 'salah.csv', CSV_BAD));
      await runner.runUntilIdle();
      const s = await status(r.id);
      expect(s.state).toBe('error');
      expect(s.error?.message).toContain('Validasi gagal');
      expect(s.error?.message_en).toContain('Validation failed');
      const after = await resourceRow(r.id);
      expect(after.datastore_version_id).toBe(before.datastore_version_id);
      expect(after.hash).toBe(before.hash);
      expect(after.storage_key).toBe(before.storage_key);
      expect(await datastoreTables()).toEqual(tables);
      const shown = await resultOf<{
        status: string;
        report: {
          valid: boolean;
          errors: { kind: string; examples: { row: number; column: string; value: string }[] }[];
        };
      }>(callAction(t.app, 'resource_validation_show', { query: { id: r.id }, token: producer }));
      expect(shown.status).toBe('failure');
      expect(shown.report.valid).toBe(false);
      expect(shown.report.errors[0]?.kind).toBe('type-error');
      expect(shown.report.errors[0]?.examples[0]).toMatchObject({
        row: 2,
        column: 'jumlah_penduduk',
        value: 'banyak',
      });
    });

    it('each CSV and XLSX variant of the fixture table loads to the same rows', async () => {
      const files = (await writeTableFixtures(path.join(fixtures, 'variants'))).filter(
        (f) => !f.isMonthOnly && f.name !== 'xlsx-merged',
      );
      const expected = POPULATION_ROWS.map((p) => [p.kodeKecamatan, p.namaKecamatan, p.jumlahPenduduk]);
      for (const f of files) {
        const r = await loadedResource(await readFile(f.path), `${f.name}.${f.format}`);
        const s = await status(r.id);
        expect(s.state, `${f.name}: ${JSON.stringify(s.error)}`).toBe('complete');
        const rows = await tableRows(s.version_id);
        expect(
          rows.map((x) => [x.kode_kecamatan, x.nama_kecamatan, Number(x.jumlah_penduduk)]),
          f.name,
        ).toEqual(expected);
        expect(
          rows.map((x) => x.tanggal_update),
          f.name,
        ).toEqual(POPULATION_ROWS.map((p) => p.tanggalUpdate));
      }
    });

    it('empty, header-only, junk, corrupted, password-protected and mislabelled files get a bilingual error and change nothing', async () => {
      const broken = await writeBrokenFixtures(path.join(fixtures, 'broken'));
      const r = await loadedResource();
      const before = await resourceRow(r.id);
      const tables = await datastoreTables();
      const cases: [string, string][] = [
        ['header-only.csv', 'header-only.csv'],
        ['junk.csv', 'junk.csv'],
        ['blank-lines.csv', 'blank-lines.csv'],
        ['truncated.xlsx', 'truncated.xlsx'],
        ['encrypted.xlsx', 'encrypted.xlsx'],
        ['header-only.xlsx', 'header-only.xlsx'],
        ['not-a-zip.xlsx', 'mislabelled.xlsx'],
        ['truncated.xlsx', 'mislabelled.csv'],
        ['zip-bomb.xlsx', 'zip-bomb.xlsx'],
      ];
      for (const [fixture, name] of cases) {
        await resultOf(
          upload(
            'resource_update',
            { id: r.id },
            name,
            await readFile(broken[fixture as keyof typeof broken]),
          ),
        );
        await runner.runUntilIdle();
        const s = await status(r.id);
        expect(s.state, name).toBe('error');
        expect(s.error?.message, name).toContain(name);
        expect(s.error?.message_en, name).toContain(name);
        const shown = await resultOf<{ status: string }>(
          callAction(t.app, 'resource_validation_show', { query: { id: r.id }, token: producer }),
        );
        expect(shown.status, name).toBe('error');
      }
      const after = await resourceRow(r.id);
      expect(after.datastore_version_id).toBe(before.datastore_version_id);
      expect(after.hash).toBe(before.hash);
      expect(await datastoreTables()).toEqual(tables);
      // An empty file is refused at upload already.
      const empty = await upload('resource_update', { id: r.id }, 'kosong.csv', Buffer.alloc(0));
      expect(empty.statusCode).toBe(409);
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
