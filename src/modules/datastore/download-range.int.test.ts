/**
 * Range answers on resource downloads (issue #22): 206 with Content-Range from the disk store
 * and from S3 (a ranged GetObject against a real S3 API server), 416 past the end, the whole
 * file for a stale If-Range, and a resumed download counted once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, multipartBody, resultOf } from '../../../test/support/catalog-fixtures.js';
import { producerDatasetOf, type Res, setUpWriteApi } from '../../../test/support/ckan-write-fixtures.js';
import { startS3Server, type TestS3Server } from '../../../test/support/s3-server.js';
import type { TestApp } from '../../../test/support/test-app.js';

const CONTENT = Buffer.from(`kecamatan,jumlah\n${'Magetan,120\n'.repeat(200)}`, 'utf8');

for (const storage of ['disk', 's3'] as const) {
  describe(`resource downloads answer Range requests (${storage} store)`, () => {
    let t: TestApp;
    let s3: TestS3Server | undefined;
    let producer: string;
    let url: string;
    let resourceId: string;
    let etag: string;

    beforeAll(async () => {
      s3 = storage === 's3' ? await startS3Server() : undefined;
      ({ t, producer } = await setUpWriteApi('pglite', s3?.env ?? {}));
      const d = await producerDatasetOf(t, producer);
      const body = multipartBody(
        { package_id: d.id, name: 'Rekap' },
        { field: 'upload', name: 'rekap.csv', type: 'text/csv', content: CONTENT },
      );
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/resource_create',
        headers: { ...body.headers, authorization: producer },
        payload: body.payload,
      });
      expect(created.statusCode, created.body).toBe(200);
      const r = created.json().result as Res;
      resourceId = r.id;
      url = r.url.slice(t.config.siteUrl.length);
      etag = `"${r.hash}"`;
    });
    afterAll(async () => {
      await t?.close();
      await s3?.stop();
    });

    const get = (headers: Record<string, string> = {}) =>
      t.app.inject({ url, headers: { authorization: producer, ...headers } });
    const downloads = async () =>
      (
        await resultOf<{ download_count: number }>(
          callAction(t.app, 'resource_show', { query: { id: resourceId }, token: producer }),
        )
      ).download_count;

    it('sends the whole file with its length and says it accepts ranges', async () => {
      const res = await get();
      expect(res.statusCode).toBe(200);
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(Number(res.headers['content-length'])).toBe(CONTENT.length);
      expect(res.rawPayload.equals(CONTENT)).toBe(true);
    });

    it('answers a range with 206, Content-Range and exactly those bytes', async () => {
      const res = await get({ range: 'bytes=10-29' });
      expect(res.statusCode).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes 10-29/${CONTENT.length}`);
      expect(Number(res.headers['content-length'])).toBe(20);
      expect(res.rawPayload.equals(CONTENT.subarray(10, 30))).toBe(true);
      const tail = await get({ range: 'bytes=-12' });
      expect(tail.statusCode).toBe(206);
      expect(tail.rawPayload.toString()).toBe('Magetan,120\n');
      const open = await get({ range: `bytes=${CONTENT.length - 5}-` });
      expect(open.headers['content-range']).toBe(
        `bytes ${CONTENT.length - 5}-${CONTENT.length - 1}/${CONTENT.length}`,
      );
      expect(open.rawPayload.equals(CONTENT.subarray(CONTENT.length - 5))).toBe(true);
    });

    it('refuses a range past the end with 416 naming the size', async () => {
      const res = await get({ range: `bytes=${CONTENT.length}-` });
      expect(res.statusCode).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${CONTENT.length}`);
    });

    it('resumes only the same version: a stale If-Range gets the whole file', async () => {
      const same = await get({ range: 'bytes=5-9', 'if-range': etag });
      expect(same.statusCode).toBe(206);
      const stale = await get({ range: 'bytes=5-9', 'if-range': '"sha256:older"' });
      expect(stale.statusCode).toBe(200);
      expect(stale.rawPayload.equals(CONTENT)).toBe(true);
    });

    it('counts a resumed download once: ranges past the first byte are not new downloads', async () => {
      const before = await downloads();
      await get({ range: 'bytes=0-99' });
      await get({ range: 'bytes=100-' });
      expect(await downloads()).toBe(before + 1);
    });
  });
}
