import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf } from '../../../../test/support/catalog-fixtures.js';
import {
  type Pkg,
  postAction,
  producerDatasetOf,
  setUpWriteApi,
  type WriteApi,
  writeTrail,
} from '../../../../test/support/ckan-write-fixtures.js';
import { DIALECTS } from '../../../../test/support/test-database.js';

type Search = { total: number; records: Record<string, unknown>[]; fields: { id: string; type: string }[] };

for (const kind of DIALECTS) {
  describe(`DataStore writes (datastore_create, _upsert, _delete, _records_delete) on ${kind}`, () => {
    let w: WriteApi;
    let pkg: Pkg;
    let resourceId = '';
    const search = (query: Record<string, unknown> = {}) =>
      resultOf<Search>(
        callAction(w.t.app, 'datastore_search', {
          query: { resource_id: resourceId, sort: '_id', ...query },
          token: w.producer,
        }),
      );
    const rowsOf = async (query: Record<string, unknown> = {}) =>
      (await search(query)).records.map((r) => [r.kode, r.kecamatan, r.jumlah]);

    beforeAll(async () => {
      w = await setUpWriteApi(kind);
      pkg = await producerDatasetOf(w.t, w.producer);
      const res = await resultOf<{ id: string }>(
        postAction(
          w.t,
          'resource_create',
          {
            package_id: pkg.id,
            name: 'Puskesmas per kecamatan',
            format: 'CSV',
            url: 'https://sistem.dinkes.example.go.id/puskesmas',
          },
          w.producer,
        ),
      );
      resourceId = res.id;
    });
    afterAll(() => w?.t.close());

    // ckanext/datastore/logic/action.py (2.11.5) `datastore_create` L35 (fields, primary_key,
    // records), `datastore_upsert` L267 (method upsert|insert|update L272-297, dry_run L304),
    // `datastore_delete` L420 (filters L450-460), `datastore_records_delete` L502 (filters
    // required): each write is a new version.
    it('create → upsert 10 rows → update 1 → delete 2 by filter: table, history and every version', async () => {
      const created = await resultOf<Record<string, unknown>>(
        postAction(
          w.t,
          'datastore_create',
          {
            resource_id: resourceId,
            fields: [
              { id: 'kode', type: 'text' },
              { id: 'kecamatan', type: 'text', info: { label: 'Kecamatan' } },
              { id: 'jumlah', type: 'int' },
            ],
            primary_key: ['kode'],
          },
          w.producer,
        ),
      );
      expect(created).toEqual({
        resource_id: resourceId,
        fields: [
          { id: '_id', type: 'int' },
          { id: 'kode', type: 'text' },
          { id: 'kecamatan', type: 'text' },
          { id: 'jumlah', type: 'int8' },
        ],
        primary_key: ['kode'],
        method: 'insert',
      });
      expect((await search()).total).toBe(0);

      const ten = Array.from({ length: 10 }, (_, i) => ({
        kode: `K${i + 1}`,
        kecamatan: `Kecamatan ${i + 1}`,
        jumlah: (i + 1) * 10,
      }));
      const up = await resultOf<Record<string, unknown>>(
        postAction(
          w.t,
          'datastore_upsert',
          { resource_id: resourceId, records: ten, method: 'upsert' },
          w.producer,
        ),
      );
      expect(up).toEqual({ resource_id: resourceId, method: 'upsert' });
      expect((await search()).total).toBe(10);

      await resultOf(
        postAction(
          w.t,
          'datastore_upsert',
          { resource_id: resourceId, method: 'update', records: [{ kode: 'K3', jumlah: 35 }] },
          w.producer,
        ),
      );
      const afterUpdate = await rowsOf();
      expect(afterUpdate[2]).toEqual(['K3', 'Kecamatan 3', 35]);
      expect(afterUpdate).toHaveLength(10);

      const del = await resultOf<Record<string, unknown>>(
        postAction(
          w.t,
          'datastore_delete',
          { resource_id: resourceId, filters: { kode: ['K9', 'K10'] } },
          w.producer,
        ),
      );
      expect(del).toEqual({ resource_id: resourceId, filters: { kode: ['K9', 'K10'] } });
      const final = await rowsOf();
      expect(final.map((r) => r[0])).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8']);
      expect(final[2]).toEqual(['K3', 'Kecamatan 3', 35]);

      // Every earlier state is still readable by its version number.
      expect((await search({ version: 1 })).total).toBe(0);
      expect((await rowsOf({ version: 2 }))[2]).toEqual(['K3', 'Kecamatan 3', 30]);
      expect(await rowsOf({ version: 3 })).toEqual(afterUpdate);
      expect((await search({ version: 4 })).total).toBe(8);

      // History: one version per write, each with its file, and who did what in the trail.
      const versions = await w.t.database.db
        .selectFrom('resource_version')
        .select(['number', 'state', 'row_count', 'created_by', 'storage_key', 'format'])
        .where('resource_id', '=', resourceId)
        .orderBy('number')
        .execute();
      expect(versions.map((v) => [v.number, v.state, Number(v.row_count)])).toEqual([
        [1, 'complete', 0],
        [2, 'complete', 10],
        [3, 'complete', 10],
        [4, 'complete', 8],
      ]);
      for (const v of versions) {
        expect(v.created_by).toBe(w.producerId);
        expect(v.storage_key).toMatch(/^resources\//);
        expect(v.format).toBe('XLSX');
      }
      const trail = await writeTrail(w.t, resourceId, pkg.id);
      expect(trail.audit.map((a) => a.action)).toEqual([
        'resource_create',
        'datastore_create',
        'datastore_upsert',
        'datastore_upsert',
        'datastore_delete',
      ]);
      const show = await resultOf<{ datastore_active: boolean }>(
        callAction(w.t.app, 'resource_show', { query: { id: resourceId }, token: w.producer }),
      );
      expect(show.datastore_active).toBe(true);
    });

    it('a write that breaks the schema changes nothing and says which record and column', async () => {
      const before = await rowsOf();
      const versionsBefore = await w.t.database.db
        .selectFrom('resource_version')
        .select('id')
        .where('resource_id', '=', resourceId)
        .execute();
      const bad = await postAction(
        w.t,
        'datastore_upsert',
        {
          resource_id: resourceId,
          method: 'upsert',
          records: [
            { kode: 'K1', jumlah: 11 },
            { kode: 'K20', kecamatan: 'Baru', jumlah: 'banyak' },
            { kode: 'K21', nama_lain: 'x' },
          ],
        },
        w.producer,
      );
      expect(bad.statusCode).toBe(409);
      const error = bad.json().error as { __type: string; records: string[] };
      expect(error.__type).toBe('Validation Error');
      expect(error.records.join('\n')).toMatch(/2.*jumlah/);
      expect(error.records.join('\n')).toMatch(/nama_lain/);
      expect(await rowsOf()).toEqual(before);
      const versionsAfter = await w.t.database.db
        .selectFrom('resource_version')
        .select('id')
        .where('resource_id', '=', resourceId)
        .execute();
      expect(versionsAfter).toHaveLength(versionsBefore.length);
    });

    it('dry_run checks and changes nothing; insert of an existing key and update of a missing one are refused', async () => {
      const before = await rowsOf();
      await resultOf(
        postAction(
          w.t,
          'datastore_upsert',
          { resource_id: resourceId, dry_run: true, records: [{ kode: 'K1', jumlah: 1 }] },
          w.producer,
        ),
      );
      expect(await rowsOf()).toEqual(before);
      const dup = await postAction(
        w.t,
        'datastore_upsert',
        { resource_id: resourceId, method: 'insert', records: [{ kode: 'K1', jumlah: 1 }] },
        w.producer,
      );
      expect(dup.statusCode).toBe(409);
      const missing = await postAction(
        w.t,
        'datastore_upsert',
        { resource_id: resourceId, method: 'update', records: [{ kode: 'K99', jumlah: 1 }] },
        w.producer,
      );
      expect(missing.statusCode).toBe(409);
      expect(JSON.stringify(missing.json().error.records)).toContain('tidak ditemukan');
      expect(await rowsOf()).toEqual(before);
    });

    it('datastore_records_delete needs filters; the policy refuses another agency and anonymous callers', async () => {
      const noFilters = await postAction(
        w.t,
        'datastore_records_delete',
        { resource_id: resourceId },
        w.producer,
      );
      expect(noFilters.statusCode).toBe(409);
      expect(noFilters.json().error).toHaveProperty('filters');
      const other = await postAction(
        w.t,
        'datastore_records_delete',
        { resource_id: resourceId, filters: { kode: 'K1' } },
        w.otherProducer,
      );
      expect([403, 404]).toContain(other.statusCode);
      const anon = await postAction(w.t, 'datastore_upsert', { resource_id: resourceId, records: [] });
      expect(anon.statusCode).toBe(403);
      await resultOf(
        postAction(
          w.t,
          'datastore_records_delete',
          { resource_id: resourceId, filters: { kode: 'K1' } },
          w.producer,
        ),
      );
      expect((await rowsOf()).map((r) => r[0])).not.toContain('K1');
    });

    // ckanext/datastore/logic/action.py (2.11.5) `datastore_delete` L420, L489-495: without
    // `filters` the whole table goes. Ours empties it as a new version instead of dropping it, so
    // the earlier versions stay readable (issue #19: a write never loses the previous state).
    it('datastore_delete without filters empties the table as a new version; the one before stays readable', async () => {
      const before = await rowsOf();
      expect(before.length).toBeGreaterThan(0);
      const { number } = await w.t.database.db
        .selectFrom('resource_version')
        .select(({ fn }) => fn.max('number').as('number'))
        .where('resource_id', '=', resourceId)
        .executeTakeFirstOrThrow();
      const out = await resultOf(
        postAction(w.t, 'datastore_delete', { resource_id: resourceId }, w.producer),
      );
      expect(out).toEqual({ resource_id: resourceId, filters: {} });
      expect((await search()).total).toBe(0);
      expect(await rowsOf({ version: Number(number) })).toEqual(before);
    });
  });
}
