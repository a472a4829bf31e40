/**
 * Upload size: the limit is UPLOAD_MAX_MB (default 200), not the 5 MB the multipart plugin
 * holds for the admin forms; a file over the limit is refused in both languages and leaves
 * nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  multipartBody,
  resultOf,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';

/** A CSV of about `mb` megabytes. */
function bigCsv(mb: number): { content: Buffer; rows: number } {
  const lines = ['kode,nama,jumlah'];
  let size = lines[0]?.length ?? 0;
  let i = 0;
  while (size < mb * 1024 * 1024) {
    i++;
    const line = `K${String(i).padStart(7, '0')},Baris nomor ${i} untuk uji batas unggahan,${i * 3}`;
    lines.push(line);
    size += line.length + 1;
  }
  return { content: Buffer.from(`${lines.join('\n')}\n`), rows: i };
}

async function upload(t: TestApp, token: string, datasetId: string, content: Buffer) {
  const body = multipartBody(
    { package_id: datasetId },
    { field: 'upload', name: 'besar.csv', type: 'text/csv', content },
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/3/action/resource_create',
    headers: { ...body.headers, authorization: token },
    payload: body.payload,
  });
}

for (const kind of DIALECTS) {
  describe(`upload limits on ${kind}`, () => {
    let t: TestApp;
    let small: TestApp;
    let token: string;
    let smallToken: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      small = await createTestApp(kind, { UPLOAD_MAX_MB: '1' });
      for (const app of [t, small])
        await createAgency(app.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      token = (await userWithToken(t.database, 'custodian')).token;
      smallToken = (await userWithToken(small.database, 'custodian')).token;
    });
    afterAll(async () => {
      await t?.close();
      await small?.close();
    });

    const dataset = (app: TestApp, tok: string) =>
      resultOf<{ id: string }>(
        callAction(app.app, 'package_create', {
          body: { name: 'data-besar', title: 'Data Besar', owner_org: 'dinkes' },
          token: tok,
        }),
      );

    it('takes a file larger than the multipart default through to the datastore', async () => {
      const d = await dataset(t, token);
      const { content, rows } = bigCsv(6);
      const res = await upload(t, token, d.id, content);
      expect(res.statusCode).toBe(200);
      const r = res.json().result as { id: string; size: number };
      expect(r.size).toBe(content.length);
      await new JobRunner({
        db: t.database.db,
        driver: t.kind,
        files: fileStoreFor(t.config),
      }).runUntilIdle();
      const status = await resultOf<{ state: string; rows_done: number }>(
        callAction(t.app, 'resource_ingest_status', { query: { id: r.id }, token }),
      );
      expect(status).toMatchObject({ state: 'complete', rows_done: rows });
    });

    it('refuses a file over UPLOAD_MAX_MB in both languages and keeps nothing', async () => {
      const d = await dataset(small, smallToken);
      const res = await upload(small, smallToken, d.id, bigCsv(1.5).content);
      expect(res.statusCode).toBe(409);
      const error = JSON.stringify(res.json().error);
      expect(error).toContain('melebihi batas 1 MB');
      const counts = await small.database.db
        .selectFrom('resource')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('dataset_id', '=', d.id)
        .executeTakeFirstOrThrow();
      expect(Number(counts.n)).toBe(0);
      const versions = await small.database.db
        .selectFrom('resource_version')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(versions.n)).toBe(0);
    });
  });
}
