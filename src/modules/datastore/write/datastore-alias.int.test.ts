import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf, uniq } from '../../../../test/support/catalog-fixtures.js';
import {
  type Pkg,
  postAction,
  setUpWriteApi,
  type WriteApi,
} from '../../../../test/support/ckan-write-fixtures.js';
import { DIALECTS } from '../../../../test/support/test-database.js';

type Dict = Record<string, unknown>;
type Search = {
  total?: number;
  records: Dict[];
  next_page?: Dict;
};

const FIELDS = [
  { id: 'kecamatan', type: 'text' },
  { id: 'jumlah', type: 'int' },
];
const RECORDS = ['Poncol', 'Parang', 'Lembeyan', 'Kawedanan', 'Takeran'].map((kecamatan, i) => ({
  kecamatan,
  jumlah: 10 * (i + 1),
}));

for (const kind of DIALECTS) {
  describe(`datastore_create aliases and resource, datastore_search paging and _table_metadata on ${kind}`, () => {
    let w: WriteApi;
    let pub: Pkg;
    let hidden: Pkg;
    let resourceId = '';
    const alias = `puskesmas_${uniq()}`;
    const search = (query: Dict, token?: string) =>
      callAction(w.t.app, 'datastore_search', { query: query as never, ...(token ? { token } : {}) });
    const create = (body: Dict) => postAction(w.t, 'datastore_create', body, w.custodian);

    beforeAll(async () => {
      w = await setUpWriteApi(kind, { DATASTORE_SQL: 'on' });
      const pkg = (name: string, priv: boolean) =>
        resultOf<Pkg>(
          postAction(
            w.t,
            'package_create',
            { name, title: name, owner_org: 'dinkes', private: priv },
            w.custodian,
          ),
        );
      pub = await pkg(`publik-${uniq()}`, false);
      hidden = await pkg(`tertutup-${uniq()}`, true);
    });
    afterAll(() => w?.t.close());

    // ckanext/datastore/logic/action.py (2.11.5) `datastore_create` L35: `resource` (a dict with
    // package_id, L45) instead of resource_id creates the resource first; `aliases` (a name or a
    // list, L62-63) become names datastore_search and datastore_search_sql accept as the id.
    it('creates the resource from `resource`, and its aliases read like the id', async () => {
      const created = await resultOf<Dict>(
        create({
          resource: {
            package_id: pub.id,
            name: 'Puskesmas',
            url: 'https://sistem.example.go.id/p',
            format: 'CSV',
          },
          aliases: alias,
          fields: FIELDS,
          records: RECORDS,
        }),
      );
      resourceId = String(created.resource_id);
      expect(created.aliases).toEqual([alias]);
      const res = await resultOf<Dict>(callAction(w.t.app, 'resource_show', { query: { id: resourceId } }));
      expect(res).toMatchObject({ id: resourceId, name: 'Puskesmas', package_id: pub.id });
      const byId = await resultOf<Search>(search({ resource_id: resourceId, sort: '_id' }));
      const byAlias = await resultOf<Search & { resource_id: string }>(
        search({ resource_id: alias, sort: '_id' }),
      );
      expect(byAlias.records).toEqual(byId.records);
      expect(byAlias.resource_id).toBe(resourceId);
      const sqlRes = await resultOf<{ records: Dict[] }>(
        callAction(w.t.app, 'datastore_search_sql', {
          query: { sql: `select kecamatan from "${alias}" where jumlah > 30 order by jumlah` },
        }),
      );
      expect(sqlRes.records.map((r) => r.kecamatan)).toEqual(['Kawedanan', 'Takeran']);
    });

    // action.py (2.11.5) `datastore_create` validates each alias (L162-164); the backend refuses a
    // name already in use: 409 Validation Error under `alias`, naming it.
    it('refuses an alias that is a resource id or another resource’s alias, naming it', async () => {
      const other = await resultOf<Dict>(
        create({
          resource: { package_id: pub.id, name: 'Lain', url: 'https://x.example.go.id/l' },
          fields: FIELDS,
        }),
      );
      for (const taken of [resourceId, alias]) {
        const res = await create({ resource_id: other.resource_id, aliases: [`bebas_${uniq()}`, taken] });
        expect(res.statusCode).toBe(409);
        const error = (res.json() as { error: Dict }).error;
        expect(error.__type).toBe('Validation Error');
        expect(JSON.stringify(error.alias)).toContain(taken);
        expect(error.message).toBeUndefined();
      }
      // Nothing of a refused call stays: the free name given beside the taken one is no alias.
      const meta = await resultOf<Search>(search({ resource_id: '_table_metadata', limit: 1000 }));
      expect(meta.records.filter((r) => String(r.name).startsWith('bebas_'))).toEqual([]);
    });

    // ckan master (2dbe2c18f6) ckanext/datastore/backend/postgres.py `search_data` L1483-1493
    // (operator gt, or lt for `_id desc`) and L1665-1666 (`next_page = {'_id': {operator:
    // last_id}}`); ckanext/datastore/tests/test_search.py L1782-1787 assert exactly that shape.
    // logic/action.py L705-707: "Ignored if records are not sorted by the `_id` field".
    it('include_next_page: next_page is the keyset filter for the next page, only when sorted by _id', async () => {
      const page = await resultOf<Search>(search({ resource_id: alias, limit: 2, include_next_page: true }));
      expect(page.records.map((r) => r.kecamatan)).toEqual(['Poncol', 'Parang']);
      expect(page.next_page).toEqual({ _id: { gt: page.records[1]?._id } });
      const after = await resultOf<Search>(
        search({ resource_id: alias, limit: 2, filters: JSON.stringify(page.next_page) }),
      );
      expect(after.records.map((r) => r.kecamatan)).toEqual(['Lembeyan', 'Kawedanan']);
      const down = await resultOf<Search>(
        search({ resource_id: alias, limit: 3, sort: '_id desc', include_next_page: true }),
      );
      expect(down.next_page).toEqual({ _id: { lt: down.records[2]?._id } });
      const byCount = await resultOf<Search>(
        search({ resource_id: alias, limit: 2, sort: 'jumlah desc', include_next_page: true }),
      );
      expect(byCount.next_page).toBeUndefined();
      const plain = await resultOf<Search>(search({ resource_id: alias, limit: 2 }));
      expect(plain.next_page).toBeUndefined();
    });

    // action.py (2.11.5) `datastore_search` L535 on the `_table_metadata` alias (WHITELISTED_RESOURCES
    // L32; CKAN's view: _id, name, oid, alias_of): public tables and their aliases, never a
    // private dataset's.
    it('_table_metadata lists readable tables and aliases, never private or closed ones', async () => {
      const secret = await resultOf<Dict>(
        create({
          resource: { package_id: hidden.id, name: 'Rahasia', url: 'https://x.example.go.id/r' },
          aliases: [`rahasia_${uniq()}`],
          fields: FIELDS,
          records: RECORDS.slice(0, 1),
        }),
      );
      for (const token of [undefined, w.custodian]) {
        const meta = await resultOf<Search & { fields: Dict[] }>(
          search({ resource_id: '_table_metadata', limit: 1000 }, token),
        );
        expect(meta.fields.map((f) => f.id)).toEqual(['_id', 'name', 'oid', 'alias_of']);
        expect(meta.records).toContainEqual(expect.objectContaining({ name: resourceId, alias_of: null }));
        expect(meta.records).toContainEqual(expect.objectContaining({ name: alias, alias_of: resourceId }));
        const names = JSON.stringify(meta.records);
        expect(names).not.toContain(String(secret.resource_id));
        expect(names).not.toContain('rahasia_');
        expect(names).not.toMatch(/v_[0-9a-f]{32}/);
      }
    });
  });
}
