import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf, uniq, userWithToken } from '../../../test/support/catalog-fixtures.js';
import {
  type Pkg,
  postAction,
  setUpWriteApi,
  type WriteApi,
} from '../../../test/support/ckan-write-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';

type Dict = Record<string, unknown>;
type Query = Record<string, string | number | boolean | string[] | undefined>;

for (const kind of DIALECTS) {
  describe(`CKAN tag/format/resource lookups, activity, package_revise and friends on ${kind}`, () => {
    let w: WriteApi;
    let pub: Pkg;
    let tag = '';
    const get = (name: string, query: Query, token?: string) =>
      callAction(w.t.app, name, { query, ...(token ? { token } : {}) });

    beforeAll(async () => {
      w = await setUpWriteApi(kind);
      tag = `tag${uniq()}`;
      pub = await resultOf<Pkg>(
        postAction(
          w.t,
          'package_create',
          {
            name: `publik-${uniq()}`,
            title: 'Data Publik',
            owner_org: 'dinkes',
            private: false,
            tags: [tag, 'kesehatan'],
            resources: [
              { name: 'Tabel A', url: 'https://data.example.go.id/a.csv', format: 'CSV' },
              {
                name: 'Peta B',
                url: 'https://data.example.go.id/b.geojson',
                format: 'GeoJSON',
                description: 'batas wilayah',
              },
              { name: 'Lampiran C', url: 'https://data.example.go.id/c.pdf', format: 'PDF' },
            ],
          },
          w.custodian,
        ),
      );
    });
    afterAll(() => w?.t.close());

    // CKAN 2.11.5 ckan/logic/action/get.py `tag_show` L1362 (a missing tag: `raise NotFound` L1388,
    // 'Not found'; ours names the tag after it, same type and status), `tag_search` L2222
    // ({count, results} L2257), `tag_autocomplete` L2261 (a list of names).
    it('tag_show, tag_search and tag_autocomplete', async () => {
      const t = await resultOf<Dict>(get('tag_show', { id: tag }));
      expect(t).toMatchObject({ name: tag, display_name: tag, vocabulary_id: null });
      expect(typeof t.id).toBe('string');
      const withDatasets = await resultOf<{ packages: Dict[] }>(
        get('tag_show', { id: tag, include_datasets: true }),
      );
      expect(withDatasets.packages.map((p) => p.id)).toEqual([pub.id]);
      const missing = await get('tag_show', { id: 'tidak-ada-tag-ini', lang: 'en' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toBe('Not found: Could not find tag "tidak-ada-tag-ini"');
      const found = await resultOf<{ count: number; results: Dict[] }>(
        get('tag_search', { query: tag.slice(0, 6) }),
      );
      expect(found.count).toBeGreaterThanOrEqual(1);
      expect(found.results.map((r) => r.name)).toContain(tag);
      expect(await resultOf(get('tag_search', {}))).toEqual({ count: 0, results: [] });
      expect(await resultOf(get('tag_autocomplete', { query: tag.slice(0, 6), limit: 5 }))).toContain(tag);
    });

    // get.py (2.11.5) `format_autocomplete` L1560: lower-cased formats containing q, `limit` (5,
    // L1578) of them; `resource_search` L2008: `query` "field:term", {count, results} L2167,
    // unknown field → ValidationError 'Field "{field}" not recognised in resource_search.' L2105.
    it('format_autocomplete and resource_search', async () => {
      expect(await resultOf(get('format_autocomplete', { q: 'geo' }))).toEqual(['geojson']);
      const r = await resultOf<{ count: number; results: Dict[] }>(
        get('resource_search', { query: 'description:batas' }),
      );
      expect(r.count).toBe(1);
      expect(r.results[0]).toMatchObject({ name: 'Peta B', package_id: pub.id });
      const both = await resultOf<{ count: number }>(
        get('resource_search', { query: JSON.stringify(['format:csv', 'name:tabel']) }),
      );
      expect(both.count).toBe(1);
      const bad = await get('resource_search', { query: 'colour:red', lang: 'en' });
      expect(bad.statusCode).toBe(409);
      expect(bad.json().error.query).toEqual(['Field "colour" not recognised in resource_search.']);
    });

    // update.py (2.11.5) `package_resource_reorder` L527: {id, order}; a bad order → ValidationError
    // on `order` (L542, L545).
    it('package_resource_reorder puts the named resources first', async () => {
      const [a, b, c] = pub.resources.map((r) => r.id);
      const out = await resultOf<Dict>(
        postAction(w.t, 'package_resource_reorder', { id: pub.id, order: [c, a] }, w.producer),
      );
      expect(out).toEqual({ id: pub.id, order: [c, a, b] });
      const shown = await resultOf<Pkg>(get('package_show', { id: pub.id }));
      expect(shown.resources.map((r) => r.id)).toEqual([c, a, b]);
      const bad = await postAction(
        w.t,
        'package_resource_reorder',
        { id: pub.id, order: ['nope'] },
        w.producer,
      );
      expect(bad.statusCode).toBe(409);
      expect(bad.json().error).toHaveProperty('order');
      expect(
        (await postAction(w.t, 'package_resource_reorder', { id: pub.id, order: [a] }, w.otherProducer))
          .statusCode,
      ).toBe(403);
    });

    // patch.py (2.11.5) `resource_patch` L56: resource_show merged with the given fields, so only
    // they change.
    it('resource_patch changes only what it is given', async () => {
      const r = pub.resources[1] as Pkg['resources'][number];
      const out = await resultOf<Dict>(
        postAction(w.t, 'resource_patch', { id: r.id, name: 'Peta Batas' }, w.producer),
      );
      expect(out).toMatchObject({ id: r.id, name: 'Peta Batas', format: 'GeoJSON', url: r.url });
    });

    // update.py (2.11.5) `package_revise` L366: match (must equal; else ValidationError on `match`
    // L485), filter ("-field"), update, include; returns {package: …}.
    it('package_revise matches, filters, updates and returns {package}', async () => {
      const out = await resultOf<{ package: Dict }>(
        postAction(
          w.t,
          'package_revise',
          { match: { name: pub.name }, update: { notes: 'Direvisi otomatis' }, filter: ['-version'] },
          w.producer,
        ),
      );
      expect(out.package).toMatchObject({ id: pub.id, notes: 'Direvisi otomatis', title: 'Data Publik' });
      const flat = await resultOf<{ package: Dict }>(
        postAction(
          w.t,
          'package_revise',
          { match__id: pub.id, update__title: 'Data Publik 2', include: ['id', 'title'] },
          w.producer,
        ),
      );
      expect(flat.package).toEqual({ id: pub.id, title: 'Data Publik 2' });
      const mismatch = await postAction(
        w.t,
        'package_revise',
        { match: { name: pub.name, title: 'Bukan Judulnya' }, update: { notes: 'x' } },
        w.producer,
      );
      expect(mismatch.statusCode).toBe(409);
      expect(mismatch.json().error.match).toEqual(['title']);
      expect(
        (await postAction(w.t, 'package_revise', { update: { notes: 'x' } }, w.producer)).statusCode,
      ).toBe(409);
      expect(
        (
          await postAction(
            w.t,
            'package_revise',
            { match: { id: pub.id }, update: { notes: 'x' } },
            w.otherProducer,
          )
        ).statusCode,
      ).toBe(403);
    });

    // ckanext/activity/logic/action.py (2.11.5) `package_activity_list` L190,
    // `organization_activity_list` L340, `recently_changed_packages_activity_list` L400: newest
    // first, limit/offset (L142-149).
    it('activity lists come from the revisions, newest first', async () => {
      const acts = await resultOf<Dict[]>(get('package_activity_list', { id: pub.name }));
      expect(acts.length).toBeGreaterThanOrEqual(3);
      expect(acts[acts.length - 1]).toMatchObject({ activity_type: 'new package', object_id: pub.id });
      expect(acts[0]).toMatchObject({ activity_type: 'changed package' });
      for (const k of ['id', 'timestamp', 'user_id', 'object_id', 'activity_type', 'data'])
        expect(acts[0]).toHaveProperty(k);
      expect(
        await resultOf<Dict[]>(get('package_activity_list', { id: pub.id, limit: 1, offset: 1 })),
      ).toEqual([acts[1]]);
      const org = await resultOf<Dict[]>(get('organization_activity_list', { id: 'dinkes' }));
      expect(org.map((a) => a.object_id)).toContain(pub.id);
      const recent = await resultOf<Dict[]>(get('recently_changed_packages_activity_list', { limit: 5 }));
      expect(recent[0]?.object_id).toBe(pub.id);
      expect((await get('package_activity_list', { id: 'no-such-dataset' })).statusCode).toBe(404);
    });

    // get.py (2.11.5) `user_list` L808 (all_fields default True L843; public_user_details off:
    // sysadmins) and `api_token_list` L3203; delete.py `api_token_revoke` L812.
    it('user_list for who may read users; api_token_list and api_token_revoke for the owner', async () => {
      expect((await get('user_list', {}, w.producer)).statusCode).toBe(403);
      const admin = await userWithToken(w.t.database, 'administrator');
      const users = await resultOf<Dict[]>(get('user_list', { q: admin.username }, admin.token));
      expect(users.map((u) => u.name)).toEqual([admin.username]);
      expect(users[0]).toHaveProperty('sysadmin', true);
      expect(await resultOf(get('user_list', { q: admin.username, all_fields: false }, admin.token))).toEqual(
        [admin.username],
      );
      const mine = await userWithToken(w.t.database, 'supervisor');
      const tokens = await resultOf<Dict[]>(get('api_token_list', {}, mine.token));
      expect(tokens).toHaveLength(1);
      for (const k of ['id', 'name', 'user_id', 'created_at', 'last_access'])
        expect(tokens[0]).toHaveProperty(k);
      expect((await get('api_token_list', { user_id: admin.username }, mine.token)).statusCode).toBe(404);
      await resultOf(postAction(w.t, 'api_token_revoke', { id: tokens[0]?.id }, mine.token));
      expect((await get('api_token_list', {}, mine.token)).statusCode).toBe(403);
    });
  });
}
