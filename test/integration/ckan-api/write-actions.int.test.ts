import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../../src/kernel/db/schema.js';
import { fileStoreFor } from '../../../src/kernel/storage/file-store.js';
import {
  callAction,
  catalogRowCounts,
  createAgency,
  createTopic,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from '../../support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { DIALECTS } from '../../support/test-database.js';

interface Pkg {
  id: string;
  name: string;
  title: string;
  notes: string;
  private: boolean;
  state: string;
  owner_org: string;
  license_id: string;
  metadata_modified: string;
  num_resources: number;
  tags: { name: string }[];
  groups: { name: string }[];
  extras: { key: string; value: string }[];
  resources: Res[];
}
interface Res {
  id: string;
  package_id: string;
  name: string;
  url: string;
  url_type: string | null;
  format: string;
  size: number | null;
  hash: string;
  mimetype: string | null;
}

const CSV = Buffer.from('kecamatan,jumlah\nMagetan,120\nMaospati,98\n', 'utf8');
const CSV2 = Buffer.from('kecamatan,jumlah\nMagetan,121\nMaospati,99\nPlaosan,45\n', 'utf8');
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

for (const kind of DIALECTS) {
  describe(`CKAN write actions with API tokens on ${kind}`, () => {
    let t: TestApp;
    let dinkes: Agency;
    let producer: string;
    let producerId: string;
    let otherProducer: string;
    let custodian: string;

    const post = (name: string, body: Record<string, unknown>, token?: string) =>
      callAction(t.app, name, { body, ...(token ? { token } : {}) });
    const show = (id: string, token?: string) =>
      callAction(t.app, 'package_show', { query: { id }, ...(token ? { token } : {}) });

    /** Audit and revision rows a write left for its subject. */
    async function trail(subjectId: string, datasetId: string) {
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_name', 'request_id'])
        .where('subject_id', '=', subjectId)
        .orderBy('id')
        .execute();
      const revisions = await t.database.db
        .selectFrom('dataset_revision')
        .select(['action', 'actor_name', 'changes'])
        .where('dataset_id', '=', datasetId)
        .orderBy('id')
        .execute();
      return { audit, revisions };
    }

    /** Stored upload folders (one per file) under DATA_DIR/files/resources. */
    async function storedFiles(): Promise<number> {
      const dir = path.join(t.config.dataDir, 'files', 'resources');
      return (await readdir(dir).catch(() => [])).length;
    }

    /** A dataset of dinkes made by the producer (private, as producers' datasets are). */
    async function producerDataset(extra: Record<string, unknown> = {}): Promise<Pkg> {
      return resultOf<Pkg>(
        post(
          'package_create',
          { name: `ds-${uniq()}`, title: 'Data Uji', owner_org: 'dinkes', ...extra },
          producer,
        ),
      );
    }

    beforeAll(async () => {
      t = await createTestApp(kind, { UPLOAD_MAX_MB: '1' });
      dinkes = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      const disdik = await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
      await createTopic(t.database, { name: 'kesehatan', title: 'Kesehatan' });
      await createTopic(t.database, { name: 'sosial', title: 'Sosial' });
      const p = await userWithToken(t.database, 'producer', dinkes.id);
      producer = p.token;
      producerId = p.actor.userId ?? '';
      otherProducer = (await userWithToken(t.database, 'producer', disdik.id)).token;
      custodian = (await userWithToken(t.database, 'custodian')).token;
    });
    afterAll(() => t?.close());

    describe('package_create', () => {
      it("creates a producer's dataset for its own agency, private, with an audit and a revision row", async () => {
        const name = `kes-${uniq()}`;
        const res = await post(
          'package_create',
          {
            name,
            title: 'Jumlah Puskesmas',
            owner_org: 'dinkes',
            tags: ['puskesmas'],
            groups: ['kesehatan'],
          },
          producer,
        );
        expect(res.statusCode).toBe(200);
        const d = res.json().result as Pkg;
        expect(d).toMatchObject({ name, private: true, state: 'active', owner_org: dinkes.id });
        expect(d.tags.map((x) => x.name)).toEqual(['puskesmas']);
        const { audit, revisions } = await trail(d.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['package_create']);
        expect(audit[0]?.request_id).toBeTruthy();
        expect(revisions.map((r) => r.action)).toEqual(['package_create']);
        const row = await t.database.db
          .selectFrom('audit_log')
          .select('actor_id')
          .where('subject_id', '=', d.id)
          .executeTakeFirstOrThrow();
        expect(row.actor_id).toBe(producerId);
        expect((await show(name)).statusCode).toBe(404);
        expect((await show(name, producer)).statusCode).toBe(200);
        expect((await show(name, otherProducer)).statusCode).toBe(404);
      });

      it('refuses a producer writing for another agency (403) and changes nothing', async () => {
        const before = await catalogRowCounts(t.database);
        const res = await post(
          'package_create',
          { name: `lain-${uniq()}`, title: 'Lain', owner_org: 'disdik' },
          producer,
        );
        expect(res.statusCode).toBe(403);
        expect(res.json().error.__type).toBe('Authorization Error');
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });

      it('refuses a producer making a dataset public (403) and changes nothing', async () => {
        const before = await catalogRowCounts(t.database);
        const res = await post(
          'package_create',
          { name: `publik-${uniq()}`, title: 'Publik', owner_org: 'dinkes', private: false },
          producer,
        );
        expect(res.statusCode).toBe(403);
        expect(res.json().error.__type).toBe('Authorization Error');
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });

      it('lets the custodian publish at once', async () => {
        const name = `publik-${uniq()}`;
        const d = await resultOf<Pkg>(
          post('package_create', { name, title: 'Terbuka', owner_org: 'dinkes', private: false }, custodian),
        );
        expect(d.private).toBe(false);
        expect((await show(name)).statusCode).toBe(200);
        expect(await resultOf<string[]>(callAction(t.app, 'package_list'))).toContain(name);
      });

      it('answers a duplicate name with a Validation Error on name, and changes nothing', async () => {
        const d = await producerDataset();
        const before = await catalogRowCounts(t.database);
        const res = await post(
          'package_create',
          { name: d.name, title: 'Kembar', owner_org: 'dinkes' },
          producer,
        );
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({ __type: 'Validation Error', name: [expect.any(String)] });
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });
    });

    describe('package_patch and package_update', () => {
      it('package_patch changes only the given fields', async () => {
        const d = await producerDataset({
          notes: 'Catatan awal',
          tags: ['a', 'b'],
          groups: ['kesehatan'],
          license_id: 'odc-by',
          extras: [{ key: 'sumber', value: 'survei' }],
        });
        const patched = await resultOf<Pkg>(
          post('package_patch', { id: d.id, notes: 'Catatan baru' }, producer),
        );
        expect(patched).toMatchObject({
          id: d.id,
          name: d.name,
          title: d.title,
          notes: 'Catatan baru',
          private: true,
          license_id: 'odc-by',
          extras: [{ key: 'sumber', value: 'survei' }],
        });
        expect(patched.tags.map((x) => x.name)).toEqual(['a', 'b']);
        expect(patched.groups.map((x) => x.name)).toEqual(['kesehatan']);
        expect(patched.metadata_modified > d.metadata_modified).toBe(true);
        const { audit, revisions } = await trail(d.id, d.id);
        expect(audit).toHaveLength(2);
        expect(revisions).toHaveLength(2);
        expect(JSON.stringify(revisions[1]?.changes)).toContain('Catatan baru');
      });

      it('package_update replaces the dataset: omitted tags, groups and notes are cleared', async () => {
        const d = await producerDataset({ notes: 'Ada', tags: ['x', 'y'], groups: ['kesehatan', 'sosial'] });
        const updated = await resultOf<Pkg>(
          post(
            'package_update',
            { id: d.id, name: d.name, title: 'Judul Baru', owner_org: 'dinkes', private: true },
            producer,
          ),
        );
        expect(updated).toMatchObject({ title: 'Judul Baru', notes: '', license_id: 'CC-BY-4.0' });
        expect(updated.tags).toEqual([]);
        expect(updated.groups).toEqual([]);
        const { audit, revisions } = await trail(d.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['package_create', 'package_update']);
        expect(revisions.map((r) => r.action)).toEqual(['package_create', 'package_update']);
      });

      it('only the custodian publishes: a producer patching private:false gets 403, the custodian succeeds', async () => {
        const d = await producerDataset();
        const before = await catalogRowCounts(t.database);
        const refused = await post('package_patch', { id: d.id, private: false }, producer);
        expect(refused.statusCode).toBe(403);
        expect(await catalogRowCounts(t.database)).toEqual(before);
        expect((await show(d.id)).statusCode).toBe(404);
        const published = await resultOf<Pkg>(post('package_patch', { id: d.id, private: false }, custodian));
        expect(published.private).toBe(false);
        expect((await show(d.id)).statusCode).toBe(200);
      });

      it("refuses writes to another agency's datasets: 403 when visible, 404 when private", async () => {
        const hidden = await producerDataset();
        const visible = await resultOf<Pkg>(
          post(
            'package_create',
            { name: `vis-${uniq()}`, title: 'Terlihat', owner_org: 'dinkes', private: false },
            custodian,
          ),
        );
        const before = await catalogRowCounts(t.database);
        const a = await post('package_patch', { id: visible.id, title: 'Dibajak' }, otherProducer);
        expect(a.statusCode).toBe(403);
        const b = await post(
          'package_update',
          { id: visible.id, name: visible.name, title: 'Dibajak', owner_org: 'disdik' },
          otherProducer,
        );
        expect(b.statusCode).toBe(403);
        const c = await post('package_patch', { id: hidden.id, title: 'Dibajak' }, otherProducer);
        expect(c.statusCode).toBe(404);
        expect(c.json().error.__type).toBe('Not Found Error');
        expect(await catalogRowCounts(t.database)).toEqual(before);
        expect((await resultOf<Pkg>(show(visible.id))).title).toBe('Terlihat');
      });

      it('answers invalid fields with 409 and changes nothing', async () => {
        const d = await producerDataset();
        const before = await catalogRowCounts(t.database);
        const res = await post(
          'package_patch',
          { id: d.id, license_id: 'bukan-lisensi', groups: ['tidak-ada'] },
          producer,
        );
        expect(res.statusCode).toBe(409);
        expect(res.json().error.__type).toBe('Validation Error');
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });
    });

    describe('package_delete', () => {
      it('soft-deletes: the row stays, anonymous callers get 404 and lists drop it', async () => {
        const name = `hapus-${uniq()}`;
        const d = await resultOf<Pkg>(
          post('package_create', { name, title: 'Dihapus', owner_org: 'dinkes', private: false }, custodian),
        );
        expect(await resultOf<string[]>(callAction(t.app, 'package_list'))).toContain(name);
        const res = await post('package_delete', { id: name }, producer);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ success: true, result: null });
        const row = await t.database.db
          .selectFrom('dataset')
          .select('state')
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow();
        expect(row.state).toBe('deleted');
        expect((await show(name)).statusCode).toBe(404);
        expect(await resultOf<string[]>(callAction(t.app, 'package_list'))).not.toContain(name);
        expect(
          (
            await resultOf<{ count: number }>(
              callAction(t.app, 'package_search', { query: { fq: `name:${name}` } }),
            )
          ).count,
        ).toBe(0);
        const { audit, revisions } = await trail(d.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['package_create', 'package_delete']);
        expect(revisions.map((r) => r.action)).toEqual(['package_create', 'package_delete']);
        expect((await post('package_delete', { id: name }, producer)).statusCode).toBe(404);
      });

      it('refuses another agency and anonymous callers, changing nothing', async () => {
        const d = await resultOf<Pkg>(
          post(
            'package_create',
            { name: `tetap-${uniq()}`, title: 'Tetap', owner_org: 'dinkes', private: false },
            custodian,
          ),
        );
        const before = await catalogRowCounts(t.database);
        expect((await post('package_delete', { id: d.id }, otherProducer)).statusCode).toBe(403);
        expect((await post('package_delete', { id: d.id })).statusCode).toBe(403);
        expect(await catalogRowCounts(t.database)).toEqual(before);
        expect((await show(d.id)).statusCode).toBe(200);
      });
    });

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
