import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/support/catalog-fixtures.js';
import { CSV, producerDatasetOf, setUpWriteApi } from '../../../../test/support/ckan-write-fixtures.js';
import type { TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';

/**
 * Issue 11, finding 5: a multipart `upload` is stored only once the action is known to take a
 * file and the caller holds its `requires`; a request that does not keep its file leaves nothing.
 */
for (const kind of DIALECTS) {
  describe(`API uploads are authorized before they are stored on ${kind}`, () => {
    let t: TestApp;
    let producer = '';
    beforeAll(async () => {
      ({ t, producer } = await setUpWriteApi(kind));
    });
    afterAll(() => t?.close());

    /** Every file under the store, whatever its folder (nothing may be left anywhere). */
    async function storedFiles(): Promise<string[]> {
      const root = path.join(t.config.dataDir, 'files');
      const all = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return all.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    }
    const send = (action: string, fields: Record<string, string>, token?: string, content = CSV) => {
      const body = multipartBody(fields, { field: 'upload', name: 'besar.csv', type: 'text/csv', content });
      return t.app.inject({
        method: 'POST',
        url: `/api/3/action/${action}`,
        headers: { ...body.headers, ...(token ? { authorization: token } : {}) },
        payload: body.payload,
      });
    };

    it('refuses a file sent to an action that takes none, anonymous or not, and stores nothing', async () => {
      const before = await storedFiles();
      const anonymous = await send('status_show', {});
      expect(anonymous.statusCode).toBe(400);
      expect(anonymous.body).toContain('takes no file');
      const d = await producerDatasetOf(t, producer);
      const signedIn = await send('package_patch', { id: d.id, title: 'Judul Baru' }, producer);
      expect(signedIn.statusCode).toBe(400);
      expect(await storedFiles()).toEqual(before);
    });

    it('refuses an anonymous file to an action that takes one before reading it (403), storing nothing', async () => {
      const before = await storedFiles();
      // Over the 1 MB limit: had the file been read first, the answer would be the size error.
      const big = Buffer.alloc(2 * 1024 * 1024, 'a');
      for (const action of ['resource_create', 'resource_update', 'task_complete']) {
        const res = await send(action, { package_id: 'x', id: 'x' }, undefined, big);
        expect(res.statusCode, action).toBe(403);
        expect(res.json().success).toBe(false);
      }
      expect(await storedFiles()).toEqual(before);
    });

    it('stores the file of an action that takes it, and removes it when the action refuses', async () => {
      const before = await storedFiles();
      const refused = await send('resource_create', { package_id: 'tidak-ada' }, producer);
      expect(refused.statusCode).toBe(404);
      expect(await storedFiles()).toEqual(before);
      const d = await producerDatasetOf(t, producer);
      const kept = await send('resource_create', { package_id: d.id }, producer);
      expect(kept.statusCode).toBe(200);
      expect((await storedFiles()).length).toBe(before.length + 1);
    });

    it('still takes plain multipart fields for any action', async () => {
      const d = await producerDatasetOf(t, producer);
      const boundary = '----fieldsonly';
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/3/action/package_patch',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: producer },
        payload:
          `--${boundary}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${d.id}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nJudul Lewat Form\r\n--${boundary}--\r\n`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().result.title).toBe('Judul Lewat Form');
    });
  });
}
