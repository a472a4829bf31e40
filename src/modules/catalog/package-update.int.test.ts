import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, catalogRowCounts, resultOf, uniq } from '../../../test/support/catalog-fixtures.js';
import {
  type Pkg,
  postAction,
  producerDatasetOf,
  setUpWriteApi,
  showPackage,
  writeTrail,
} from '../../../test/support/ckan-write-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`CKAN package_patch, package_update and package_delete with API tokens on ${kind}`, () => {
    let t: TestApp;
    let producer: string;
    let otherProducer: string;
    let custodian: string;
    const post = (name: string, body: Record<string, unknown>, token?: string) =>
      postAction(t, name, body, token);
    const show = (id: string, token?: string) => showPackage(t, id, token);
    const trail = (subjectId: string, datasetId: string) => writeTrail(t, subjectId, datasetId);
    const producerDataset = (extra: Record<string, unknown> = {}) => producerDatasetOf(t, producer, extra);

    beforeAll(async () => {
      ({ t, producer, otherProducer, custodian } = await setUpWriteApi(kind));
    });
    afterAll(() => t?.close());

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
  });
}
