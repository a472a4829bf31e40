import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  catalogRowCounts,
  multipartBody,
  resultOf,
  uniq,
} from '../../../test/support/catalog-fixtures.js';
import {
  CSV,
  type Pkg,
  postAction,
  producerDatasetOf,
  type Res,
  setUpWriteApi,
  sha256,
  showPackage,
  storedFiles as storedFilesOf,
  writeTrail,
} from '../../../test/support/ckan-write-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`CKAN resource_create with API tokens on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    let otherProducer: string;
    let custodian: string;
    const post = (name: string, body: Record<string, unknown>, token?: string) =>
      postAction(t, name, body, token);
    const show = (id: string, token?: string) => showPackage(t, id, token);
    const trail = (subjectId: string, datasetId: string) => writeTrail(t, subjectId, datasetId);
    const producerDataset = (extra: Record<string, unknown> = {}) => producerDatasetOf(t, producer, extra);
    const storedFiles = () => storedFilesOf(t);

    beforeAll(async () => {
      ({ t, producer, otherProducer, custodian } = await setUpWriteApi(kind));
    });
    afterAll(() => t?.close());

    describe('resources', () => {
      it('resource_create with a link', async () => {
        const d = await producerDataset();
        const res = await post(
          'resource_create',
          {
            package_id: d.id,
            url: 'https://data.magetan.go.id/puskesmas.csv',
            name: 'Puskesmas',
            format: 'CSV',
          },
          producer,
        );
        expect(res.statusCode).toBe(200);
        const r = res.json().result as Res;
        expect(r).toMatchObject({
          package_id: d.id,
          url: 'https://data.magetan.go.id/puskesmas.csv',
          url_type: null,
          name: 'Puskesmas',
          format: 'CSV',
        });
        expect((await resultOf<Pkg>(show(d.id, producer))).num_resources).toBe(1);
        const { audit, revisions } = await trail(r.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['resource_create']);
        expect(revisions.map((x) => x.action)).toEqual(['package_create', 'resource_create']);
        const bad = await post('resource_create', { package_id: d.id, url: 'javascript:alert(1)' }, producer);
        expect(bad.statusCode).toBe(409);
        expect(bad.json().error).toHaveProperty('url');
      });

      it('resource_create with a multipart upload: size, sha256 hash, and a download URL that returns the bytes', async () => {
        const d = await producerDataset();
        const body = multipartBody(
          { package_id: d.id, name: 'Rekap Puskesmas' },
          { field: 'upload', name: 'rekap puskesmas.csv', type: 'text/csv', content: CSV },
        );
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/3/action/resource_create',
          headers: { ...body.headers, authorization: producer },
          payload: body.payload,
        });
        expect(res.statusCode, res.body).toBe(200);
        const r = res.json().result as Res;
        expect(r).toMatchObject({
          package_id: d.id,
          name: 'Rekap Puskesmas',
          url_type: 'upload',
          format: 'CSV',
          size: CSV.length,
          hash: sha256(CSV),
          mimetype: 'text/csv',
        });
        expect(r.url.startsWith(`${t.config.siteUrl}/dataset/${d.id}/resource/${r.id}/download/`)).toBe(true);
        const downloadPath = r.url.slice(t.config.siteUrl.length);
        const dl = await t.app.inject({ url: downloadPath, headers: { authorization: producer } });
        expect(dl.statusCode).toBe(200);
        expect(dl.rawPayload.equals(CSV)).toBe(true);
        expect((await t.app.inject({ url: downloadPath })).statusCode).toBe(404);
        const shown = await resultOf<Res>(
          callAction(t.app, 'resource_show', { query: { id: r.id }, token: producer }),
        );
        expect(shown).toEqual({ ...r, download_count: 1 });
        const { audit, revisions } = await trail(r.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['resource_create']);
        expect(JSON.stringify(revisions.at(-1)?.changes)).toContain(sha256(CSV));
      });

      it('a refused upload changes nothing and leaves no stored file behind', async () => {
        const d = await producerDataset();
        const before = await catalogRowCounts(t.database);
        const filesBefore = await storedFiles();
        const cases: [string | undefined, Record<string, string>, number][] = [
          [otherProducer, { package_id: d.id }, 404],
          [undefined, { package_id: d.id }, 403],
          [producer, { package_id: 'tidak-ada' }, 404],
        ];
        for (const [token, fields, status] of cases) {
          const body = multipartBody(fields, {
            field: 'upload',
            name: 'x.csv',
            type: 'text/csv',
            content: CSV,
          });
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/3/action/resource_create',
            headers: { ...body.headers, ...(token ? { authorization: token } : {}) },
            payload: body.payload,
          });
          expect(res.statusCode, JSON.stringify(fields)).toBe(status);
        }
        const tooBig = multipartBody(
          { package_id: d.id },
          {
            field: 'upload',
            name: 'besar.csv',
            type: 'text/csv',
            content: Buffer.alloc(1024 * 1024 + 10, 65),
          },
        );
        const big = await t.app.inject({
          method: 'POST',
          url: '/api/3/action/resource_create',
          headers: { ...tooBig.headers, authorization: producer },
          payload: tooBig.payload,
        });
        expect(big.statusCode).toBe(409);
        expect(big.json().error).toHaveProperty('upload');
        expect(await catalogRowCounts(t.database)).toEqual(before);
        expect(await storedFiles()).toBe(filesBefore);
      });

      it("refuses resource writes on another agency's visible dataset with 403", async () => {
        const d = await resultOf<Pkg>(
          post(
            'package_create',
            {
              name: `res-${uniq()}`,
              title: 'Publik',
              owner_org: 'dinkes',
              private: false,
              resources: [{ url: 'https://example.org/a.csv' }],
            },
            custodian,
          ),
        );
        const rid = d.resources[0]?.id ?? '';
        const before = await catalogRowCounts(t.database);
        expect(
          (
            await post(
              'resource_create',
              { package_id: d.id, url: 'https://example.org/b.csv' },
              otherProducer,
            )
          ).statusCode,
        ).toBe(403);
        expect((await post('resource_update', { id: rid, name: 'Dibajak' }, otherProducer)).statusCode).toBe(
          403,
        );
        expect((await post('resource_delete', { id: rid }, otherProducer)).statusCode).toBe(403);
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });
    });
  });
}
