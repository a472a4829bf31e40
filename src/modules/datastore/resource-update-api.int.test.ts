import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, multipartBody, resultOf } from '../../../test/support/catalog-fixtures.js';
import {
  CSV,
  CSV2,
  type Pkg,
  postAction,
  producerDatasetOf,
  type Res,
  setUpWriteApi,
  sha256,
  showPackage,
  writeTrail,
} from '../../../test/support/ckan-write-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';

for (const kind of DIALECTS) {
  describe(`CKAN resource_update and resource_delete with API tokens on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    const post = (name: string, body: Record<string, unknown>, token?: string) =>
      postAction(t, name, body, token);
    const show = (id: string, token?: string) => showPackage(t, id, token);
    const trail = (subjectId: string, datasetId: string) => writeTrail(t, subjectId, datasetId);
    const producerDataset = (extra: Record<string, unknown> = {}) => producerDatasetOf(t, producer, extra);

    beforeAll(async () => {
      ({ t, producer } = await setUpWriteApi(kind));
    });
    afterAll(() => t?.close());

    describe('resources', () => {
      it('resource_update with a new file keeps the old stored file; the revision names both keys', async () => {
        const d = await producerDataset();
        const first = multipartBody(
          { package_id: d.id },
          { field: 'upload', name: 'v1.csv', type: 'text/csv', content: CSV },
        );
        const created = await resultOf<Res>(
          t.app.inject({
            method: 'POST',
            url: '/api/3/action/resource_create',
            headers: { ...first.headers, authorization: producer },
            payload: first.payload,
          }),
        );
        const oldRow = await t.database.db
          .selectFrom('resource')
          .selectAll()
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow();
        const second = multipartBody(
          { id: created.id },
          { field: 'upload', name: 'v2.csv', type: 'text/csv', content: CSV2 },
        );
        const updated = await resultOf<Res>(
          t.app.inject({
            method: 'POST',
            url: '/api/3/action/resource_update',
            headers: { ...second.headers, authorization: producer },
            payload: second.payload,
          }),
        );
        expect(updated).toMatchObject({
          id: created.id,
          size: CSV2.length,
          hash: sha256(CSV2),
          url_type: 'upload',
        });
        const newRow = await t.database.db
          .selectFrom('resource')
          .selectAll()
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow();
        expect(newRow.storage_key).not.toBe(oldRow.storage_key);
        const store = fileStoreFor(t.config);
        expect(await store.exists(oldRow.storage_key ?? '')).toBe(true);
        expect(await store.exists(newRow.storage_key ?? '')).toBe(true);
        const dl = await t.app.inject({
          url: updated.url.slice(t.config.siteUrl.length),
          headers: { authorization: producer },
        });
        expect(dl.rawPayload.equals(CSV2)).toBe(true);
        const { audit, revisions } = await trail(created.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['resource_create', 'resource_update']);
        const last = JSON.stringify(revisions.at(-1)?.changes);
        expect(revisions.at(-1)?.action).toBe('resource_update');
        expect(last).toContain(newRow.storage_key);
        expect(last).toContain(oldRow.storage_key);
      });

      it('resource_update of metadata only keeps the file', async () => {
        const d = await producerDataset();
        const up = multipartBody(
          { package_id: d.id },
          { field: 'upload', name: 'data.csv', type: 'text/csv', content: CSV },
        );
        const created = await resultOf<Res>(
          t.app.inject({
            method: 'POST',
            url: '/api/3/action/resource_create',
            headers: { ...up.headers, authorization: producer },
            payload: up.payload,
          }),
        );
        const renamed = await resultOf<Res>(
          post('resource_update', { id: created.id, name: 'Nama Baru' }, producer),
        );
        expect(renamed).toMatchObject({
          name: 'Nama Baru',
          hash: sha256(CSV),
          size: CSV.length,
          url_type: 'upload',
        });
      });

      it('resource_delete is soft: resource_show says 404, the dataset drops it, the file stays', async () => {
        const d = await producerDataset();
        const up = multipartBody(
          { package_id: d.id },
          { field: 'upload', name: 'hapus.csv', type: 'text/csv', content: CSV },
        );
        const created = await resultOf<Res>(
          t.app.inject({
            method: 'POST',
            url: '/api/3/action/resource_create',
            headers: { ...up.headers, authorization: producer },
            payload: up.payload,
          }),
        );
        const res = await post('resource_delete', { id: created.id }, producer);
        expect(res.statusCode).toBe(200);
        expect(res.json().result).toBeNull();
        expect(
          (await callAction(t.app, 'resource_show', { query: { id: created.id }, token: producer }))
            .statusCode,
        ).toBe(404);
        expect((await resultOf<Pkg>(show(d.id, producer))).num_resources).toBe(0);
        const row = await t.database.db
          .selectFrom('resource')
          .selectAll()
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow();
        expect(row.state).toBe('deleted');
        expect(await fileStoreFor(t.config).exists(row.storage_key ?? '')).toBe(true);
        const { audit, revisions } = await trail(created.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['resource_create', 'resource_delete']);
        expect(revisions.map((x) => x.action)).toEqual([
          'package_create',
          'resource_create',
          'resource_delete',
        ]);
      });
    });
  });
}
