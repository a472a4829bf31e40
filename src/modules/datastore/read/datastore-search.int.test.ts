import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  resultOf,
  userWithToken,
} from '../../../../test/support/catalog-fixtures.js';
import {
  addDatastoreVersion,
  createDatastoreTable,
  type DatastoreFixture,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../../test/support/datastore-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { DIALECTS } from '../../../../test/support/test-database.js';
import type { Actor } from '../../../kernel/access/policy.js';

interface Search {
  fields: { id: string; type: string; info?: Record<string, string> }[];
  records: unknown;
  total?: number;
  total_was_estimated?: boolean;
  limit: number;
  offset: number;
  resource_id: string;
  include_total: boolean;
  records_format: string;
  _links: { start: string; next: string };
}

for (const kind of DIALECTS) {
  describe(`datastore_search and datastore_info on ${kind}`, () => {
    let t: TestApp;
    let pub: DatastoreFixture;
    let priv: DatastoreFixture;
    let ownerToken: string;
    let outsiderToken: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      const agency = await createAgency(t.database);
      const custodian = await userWithToken(t.database, 'custodian');
      pub = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS, {
        agencyId: agency.id,
        owner: custodian.actor as Actor,
      });
      priv = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 2), {
        agencyId: agency.id,
        owner: custodian.actor as Actor,
        private: true,
      });
      ownerToken = (await userWithToken(t.database, 'producer', agency.id)).token;
      outsiderToken = (await userWithToken(t.database, 'producer', (await createAgency(t.database)).id))
        .token;
    }, 60_000);
    afterAll(async () => t?.close());

    const search = (
      query: Record<string, string | number | boolean | string[] | undefined>,
      token?: string,
    ) =>
      resultOf<Search>(
        callAction(t.app, 'datastore_search', { query: { resource_id: pub.resourceId, ...query }, token }),
      );

    // CKAN 2.11.5 ckanext/datastore/logic/action.py `datastore_search` L535: result keys L612-632
    // (fields, offset, limit, filters, total, total_was_estimated L627, records); backend/postgres.py
    // `_insert_links` L807-842 (`_links.start` and `_links.next`, offset + limit).
    it('answers with CKAN envelope and keys, _id first, open columns only for the public', async () => {
      const res = await callAction(t.app, 'datastore_search', { query: { resource_id: pub.resourceId } });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { success: boolean; result: Search; help: string };
      expect(body.success).toBe(true);
      const r = body.result;
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          'fields',
          'records',
          'total',
          'total_was_estimated',
          '_links',
          'limit',
          'offset',
          'resource_id',
          'include_total',
          'records_format',
        ]),
      );
      expect(r.limit).toBe(100);
      expect(r.offset).toBe(0);
      expect(r.total).toBe(7);
      expect(r.total_was_estimated).toBe(false);
      expect(r.records_format).toBe('objects');
      expect(r.fields.map((f) => f.id)).toEqual([
        '_id',
        'kode_wilayah',
        'nama_wilayah',
        'tahun',
        'jumlah_penduduk',
        'kepadatan',
        'kota',
        'tanggal',
      ]);
      expect(r.fields[0]).toEqual({ id: '_id', type: 'int' });
      expect(r.fields.find((f) => f.id === 'jumlah_penduduk')).toEqual({
        id: 'jumlah_penduduk',
        type: 'int8',
        info: { label: 'Jumlah penduduk', unit: 'jiwa' },
      });
      const records = r.records as Record<string, unknown>[];
      expect(records[0]).toEqual({
        _id: 1,
        kode_wilayah: '3520010',
        nama_wilayah: 'Poncol',
        tahun: 2022,
        jumlah_penduduk: 31000,
        kepadatan: 410.5,
        kota: false,
        tanggal: '2022-12-31',
      });
      expect(r._links.start).toBe(`/api/3/action/datastore_search?resource_id=${pub.resourceId}`);
      expect(r._links.next).toBe(`/api/3/action/datastore_search?resource_id=${pub.resourceId}&offset=100`);
    });

    it('shows closed columns to staff of the owning agency only', async () => {
      const owner = await search({}, ownerToken);
      expect(owner.fields.map((f) => f.id)).toContain('nik_petugas');
      const outsider = await search({}, outsiderToken);
      expect(outsider.fields.map((f) => f.id)).not.toContain('nik_petugas');
      for (const query of [
        { fields: 'nik_petugas' },
        { sort: 'nik_petugas desc' },
        { filters: JSON.stringify({ nik_petugas: '3520000000000001' }) },
        { q: JSON.stringify({ nik_petugas: '3520000000000001' }) },
      ]) {
        const res = await callAction(t.app, 'datastore_search', {
          query: { resource_id: pub.resourceId, ...query },
        });
        expect(res.statusCode, JSON.stringify(query)).toBe(409);
        expect(res.body).toContain('nik_petugas');
      }
      // Full text over the row does not search the hidden column either.
      expect((await search({ q: '3520000000000001' })).total).toBe(0);
      expect((await search({ q: '3520000000000001' }, ownerToken)).total).toBe(2);
      const info = await resultOf<{ fields: { id: string }[] }>(
        callAction(t.app, 'datastore_info', { query: { id: pub.resourceId } }),
      );
      expect(info.fields.map((f) => f.id)).not.toContain('nik_petugas');
    });

    it('filters by value, list, range and null', async () => {
      expect((await search({ filters: JSON.stringify({ tahun: 2023 }) })).total).toBe(4);
      expect(
        (await search({ filters: JSON.stringify({ kode_wilayah: ['3520010', '3520020'] }) })).total,
      ).toBe(4);
      expect((await search({ filters: JSON.stringify({ kepadatan: { gte: 500, lt: 1205 } }) })).total).toBe(
        3,
      );
      expect((await search({ filters: JSON.stringify({ jumlah_penduduk: null }) })).total).toBe(1);
      expect((await search({ filters: JSON.stringify({ kota: true, tahun: '2022' }) })).total).toBe(1);
      expect((await search({ filters: JSON.stringify({ tanggal: '2023-06-30' }) })).total).toBe(1);
      const post = await resultOf<Search>(
        callAction(t.app, 'datastore_search', {
          body: { resource_id: pub.resourceId, filters: { nama_wilayah: 'Parang' } },
        }),
      );
      expect(post.total).toBe(2);
    });

    it('refuses unknown fields and ill-typed values with a ValidationError naming the key', async () => {
      for (const [query, key] of [
        [{ filters: JSON.stringify({ nope: 1 }) }, 'filters'],
        [{ filters: JSON.stringify({ tahun: 'dua ribu' }) }, 'filters'],
        [{ filters: JSON.stringify({ tanggal: '2023-02-30' }) }, 'filters'],
        [{ filters: JSON.stringify({ tahun: { like: 1 } }) }, 'filters'],
        [{ sort: 'nope asc' }, 'sort'],
        [{ sort: 'tahun sideways' }, 'sort'],
        [{ fields: 'tahun,nope' }, 'fields'],
        [{ q: JSON.stringify({ nope: 'x' }) }, 'q'],
        [{ records_format: 'xml' }, 'records_format'],
        [{ limit: -1 }, 'limit'],
      ] as const) {
        const res = await callAction(t.app, 'datastore_search', {
          query: { resource_id: pub.resourceId, ...query },
        });
        expect(res.statusCode, JSON.stringify(query)).toBe(409);
        const body = res.json() as { success: boolean; error: Record<string, unknown> };
        expect(body.success).toBe(false);
        expect(body.error.__type).toBe('Validation Error');
        expect(Object.keys(body.error)).toContain(key);
      }
    });

    // action.py (2.11.5) L558 `distinct` (with `fields`: the distinct values of those columns),
    // L578 `include_total`; `sort`, `fields`, `limit`/`offset` and `_links.next` as above.
    it('sorts, selects fields, pages, and counts distinct values', async () => {
      const sorted = await search({
        sort: 'kepadatan desc, _id',
        fields: 'nama_wilayah,kepadatan',
        limit: 2,
      });
      expect(sorted.fields.map((f) => f.id)).toEqual(['nama_wilayah', 'kepadatan']);
      expect(sorted.records).toEqual([
        { nama_wilayah: 'Magetan Kota', kepadatan: 1210 },
        { nama_wilayah: 'Magetan Kota', kepadatan: 1200.5 },
      ]);
      expect(sorted._links.next).toContain('offset=2');
      const page2 = await search({
        sort: '"kepadatan" desc nulls last',
        fields: ['kepadatan'],
        limit: 2,
        offset: 2,
      });
      expect(page2.records).toEqual([{ kepadatan: 520 }, { kepadatan: 512.75 }]);
      const distinct = await search({ fields: 'nama_wilayah', distinct: true, sort: 'nama_wilayah' });
      expect(distinct.total).toBe(4);
      expect((distinct.records as { nama_wilayah: string }[]).map((r) => r.nama_wilayah)).toEqual([
        '=HYPERLINK("http://evil")',
        'Magetan Kota',
        'Parang',
        'Poncol',
      ]);
      const noTotal = await search({ include_total: false, limit: 0 });
      expect(noTotal.total).toBeUndefined();
      expect(noTotal.records).toEqual([]);
      const capped = await search({ limit: 50_000 });
      expect(capped.limit).toBe(32_000);
    });

    it('full text over the row in Indonesian, and per field', async () => {
      expect((await search({ q: 'parang' })).total).toBe(2);
      expect((await search({ q: 'magetan kota' })).total).toBe(2);
      expect((await search({ q: JSON.stringify({ nama_wilayah: 'poncol' }) })).total).toBe(2);
      expect((await search({ q: 'parang | poncol', plain: false })).total).toBe(4);
      const bad = await callAction(t.app, 'datastore_search', {
        query: { resource_id: pub.resourceId, q: 'parang & (', plain: false },
      });
      expect(bad.statusCode).toBe(409);
    });

    // action.py (2.11.5) L592-597 `records_format` objects|lists|csv|tsv; backend/postgres.py
    // L1476 lists, L1488 csv, L1497 tsv (no header, one line a record).
    it('returns lists, csv and tsv records', async () => {
      const lists = await search({ records_format: 'lists', fields: 'tahun,nama_wilayah', limit: 2 });
      expect(lists.records).toEqual([
        [2022, 'Poncol'],
        [2023, 'Poncol'],
      ]);
      const csv = await search({
        records_format: 'csv',
        fields: 'tahun,nama_wilayah',
        sort: '_id desc',
        limit: 1,
      });
      expect(csv.records).toBe('2023,"\'=HYPERLINK(""http://evil"")"\n');
      const tsv = await search({ records_format: 'tsv', fields: 'tahun,kepadatan', limit: 1 });
      expect(tsv.records).toBe('2022\t410.5\n');
    });

    it('reads an earlier version with version=N; the pointer decides the default', async () => {
      await addDatastoreVersion(t.database, pub.resourceId, POPULATION_SCHEMA, POPULATION_ROWS.slice(0, 1), {
        current: false,
      });
      expect((await search({})).total).toBe(7);
      expect((await search({ version: 2 })).total).toBe(1);
      expect((await search({ version: 1 })).total).toBe(7);
      const missing = await callAction(t.app, 'datastore_search', {
        query: { resource_id: pub.resourceId, version: 9 },
      });
      expect(missing.statusCode).toBe(409);
    });

    it('keeps private datasets invisible to outsiders, visible to their agency', async () => {
      for (const [name, query] of [
        ['datastore_search', { resource_id: priv.resourceId }],
        ['datastore_info', { id: priv.resourceId }],
      ] as const) {
        for (const token of [undefined, outsiderToken]) {
          const res = await callAction(t.app, name, { query, token });
          expect(res.statusCode, `${name} ${token ? 'outsider' : 'anonymous'}`).toBe(404);
        }
        expect((await callAction(t.app, name, { query, token: ownerToken })).statusCode).toBe(200);
      }
    });

    it('datastore_info has CKAN meta and fields with schema', async () => {
      const info = await resultOf<{
        meta: { count: number; table_type: string };
        fields: { id: string; type: string; schema: { native_type: string; uniquekey: boolean } }[];
      }>(callAction(t.app, 'datastore_info', { query: { id: pub.resourceId } }));
      expect(info.meta.count).toBe(7);
      expect(info.meta.table_type).toBe('BASE TABLE');
      expect(info.fields[0]).toMatchObject({
        id: 'kode_wilayah',
        type: 'text',
        schema: { native_type: 'text', uniquekey: true },
      });
      expect(info.fields.find((f) => f.id === 'kepadatan')?.schema.native_type).toBe('numeric');
      const unknown = await callAction(t.app, 'datastore_info', {
        query: { id: '00000000-0000-4000-8000-000000000000' },
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
}
