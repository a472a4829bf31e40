/**
 * The shared setup of the ingest pipeline tests (src/modules/datastore/ingest*.int.test.ts): an
 * app with two agencies' producers, a job runner, a fixtures folder, and helpers that upload
 * through the CKAN API and read the outcome. Call `ingestSetup(kind)` inside a `describe`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { DriverKind } from '../../src/kernel/db/database.js';
import { JobRunner } from '../../src/kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../src/kernel/storage/file-store.js';
import { versionTableName } from '../../src/modules/datastore/version-table.js';
import {
  callAction,
  createAgency,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from './catalog-fixtures.js';
import { createTestApp, type TestApp } from './test-app.js';

export const CSV = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,32451\n3520020,Parang,45012\n',
);
export const CSV_V2 = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,32460\n3520020,Parang,45100\n3520030,Plaosan,51000\n',
);
export const CSV_BAD = Buffer.from(
  'kode_kecamatan,nama_kecamatan,jumlah_penduduk\n3520010,Poncol,banyak\n3520020,Parang,45100\n',
);

export interface Status {
  state: string;
  rows_done: number;
  bytes_done: number;
  bytes_total: number;
  version: number;
  version_id: string;
  error: { message: string; message_en: string } | null;
}

export interface IngestContext {
  t: TestApp;
  producer: string;
  otherProducer: string;
  runner: JobRunner;
  fixtures: string;
}

/** Registers the suite's beforeAll/afterAll; `ctx` is filled in beforeAll. */
export function ingestSetup(kind: DriverKind) {
  const ctx = {} as IngestContext;

  beforeAll(async () => {
    ctx.t = await createTestApp(kind);
    const dinkes = await createAgency(ctx.t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
    const disdik = await createAgency(ctx.t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
    ctx.producer = (await userWithToken(ctx.t.database, 'producer', dinkes.id)).token;
    ctx.otherProducer = (await userWithToken(ctx.t.database, 'producer', disdik.id)).token;
    ctx.runner = new JobRunner({
      db: ctx.t.database.db,
      driver: ctx.t.kind,
      files: fileStoreFor(ctx.t.config),
    });
    ctx.fixtures = await mkdtemp(path.join(os.tmpdir(), 'ingest-fixtures-'));
  });
  afterAll(async () => {
    if (ctx.fixtures) await rm(ctx.fixtures, { recursive: true, force: true });
    await ctx.t?.close();
  });

  const dataset = () =>
    resultOf<{ id: string }>(
      callAction(ctx.t.app, 'package_create', {
        body: { name: `ds-${uniq()}`, title: 'Data Uji', owner_org: 'dinkes' },
        token: ctx.producer,
      }),
    );

  function upload(
    action: 'resource_create' | 'resource_update',
    fields: Record<string, string>,
    name: string,
    content: Buffer,
    token = ctx.producer,
  ) {
    const body = multipartBody(fields, {
      field: 'upload',
      name,
      type: 'application/octet-stream',
      content,
    });
    return ctx.t.app.inject({
      method: 'POST',
      url: `/api/3/action/${action}`,
      headers: { ...body.headers, authorization: token },
      payload: body.payload,
    });
  }

  const status = (id: string) =>
    resultOf<Status>(callAction(ctx.t.app, 'resource_ingest_status', { query: { id }, token: ctx.producer }));
  const resourceRow = (id: string) =>
    ctx.t.database.db.selectFrom('resource').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** The loaded rows: `_id` and the typed columns (not the loader's `_full_text` tsvector). */
  const tableRows = async (versionId: string) =>
    (
      await sql<
        Record<string, unknown>
      >`select * from ${sql.id('datastore', versionTableName(versionId))} order by _id`.execute(
        ctx.t.database.db,
      )
    ).rows.map(({ _full_text, ...row }) => row);
  const datastoreTables = async () =>
    (
      await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = 'datastore'`.execute(
        ctx.t.database.db,
      )
    ).rows.map((r) => r.table_name);

  async function loadedResource(content = CSV, name = 'penduduk.csv') {
    const d = await dataset();
    const r = await resultOf<{ id: string }>(upload('resource_create', { package_id: d.id }, name, content));
    await ctx.runner.runUntilIdle();
    return r;
  }

  return { ctx, dataset, upload, status, resourceRow, tableRows, datastoreTables, loadedResource };
}
