import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/kernel/access/policy.js';
import type { Agency, Topic } from '../../../src/kernel/db/schema.js';
import { buildAgency, buildUser } from '../../factories/index.js';
import {
  callAction,
  createAgency,
  createDataset,
  createLinkResource,
  createTopic,
  resultOf,
  uniq,
  userWithToken,
} from '../../support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { DIALECTS } from '../../support/test-database.js';

/** CKAN's `YYYY-MM-DDTHH:MM:SS[.ffffff]`: UTC without a zone designator. */
const CKAN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** Keys `package_show` always returns in CKAN 2.10/2.11 (package_dictize + default schema). */
const PACKAGE_KEYS = [
  'author',
  'author_email',
  'creator_user_id',
  'extras',
  'groups',
  'id',
  'isopen',
  'license_id',
  'license_title',
  'maintainer',
  'maintainer_email',
  'metadata_created',
  'metadata_modified',
  'name',
  'notes',
  'num_resources',
  'num_tags',
  'organization',
  'owner_org',
  'private',
  'relationships_as_object',
  'relationships_as_subject',
  'resources',
  'state',
  'tags',
  'title',
  'type',
  'url',
  'version',
];
const RESOURCE_KEYS = [
  'cache_last_updated',
  'cache_url',
  'created',
  'datastore_active',
  'description',
  'format',
  'hash',
  'id',
  'last_modified',
  'metadata_modified',
  'mimetype',
  'mimetype_inner',
  'name',
  'package_id',
  'position',
  'resource_type',
  'size',
  'state',
  'url',
  'url_type',
];
const ORGANIZATION_KEYS = [
  'approval_status',
  'created',
  'description',
  'id',
  'image_url',
  'is_organization',
  'name',
  'state',
  'title',
  'type',
];
/** A tag inside a package dict (tag_list_dictize): CKAN includes the tag's id. */
const TAG_KEYS = ['display_name', 'id', 'name', 'state', 'vocabulary_id'];
const PACKAGE_GROUP_KEYS = ['description', 'display_name', 'id', 'image_display_url', 'name', 'title'];
const LICENSE_KEYS = [
  'domain_content',
  'domain_data',
  'domain_software',
  'family',
  'id',
  'is_generic',
  'maintainer',
  'od_conformance',
  'osd_conformance',
  'status',
  'title',
  'url',
];

for (const kind of DIALECTS) {
  describe(`CKAN read actions on ${kind}`, () => {
    let t: TestApp;
    let custodian: Actor;
    let agencyA: Agency;
    let topicOne: Topic;
    let topicTwo: Topic;
    /** Public datasets of agency A, by name. */
    const publicNames: string[] = [];
    let first: Awaited<ReturnType<typeof createDataset>>;
    let privateName: string;

    beforeAll(async () => {
      t = await createTestApp(kind);
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      agencyA = await createAgency(t.database, { code: 'dinkes', name: 'Dinas Kesehatan' });
      await createAgency(t.database, { code: 'disdik', name: 'Dinas Pendidikan' });
      topicOne = await createTopic(t.database, { name: 'kesehatan', title: 'Kesehatan' });
      topicTwo = await createTopic(t.database, { name: 'pendidikan', title: 'Pendidikan' });
      // 12 public datasets of A, so organization_show's 10-dataset cap shows.
      for (let i = 0; i < 12; i++) {
        const name = `kes-${String(i).padStart(2, '0')}-${uniq()}`;
        const d = await createDataset(t.database, custodian, {
          owner_org: 'dinkes',
          name,
          title: `Data Kesehatan ${i}`,
          notes: 'Jumlah fasilitas kesehatan per kecamatan',
          tags: i % 2 ? ['kesehatan', 'puskesmas'] : ['kesehatan'],
          groups: ['kesehatan'],
          extras: [{ key: 'sumber', value: 'Dinkes' }],
        });
        if (i === 0) first = d;
        publicNames.push(name);
      }
      await createLinkResource(t.database, custodian, first.id, { name: 'Tabel 2024', format: 'CSV' });
      await createDataset(t.database, custodian, {
        owner_org: 'disdik',
        name: 'sekolah-dasar',
        title: 'Sekolah Dasar',
        tags: ['pendidikan'],
        groups: ['pendidikan'],
      });
      publicNames.push('sekolah-dasar');
      privateName = `rahasia-${uniq()}`;
      await createDataset(t.database, custodian, {
        owner_org: 'disdik',
        name: privateName,
        private: true,
        tags: ['khusus-internal'],
        groups: ['pendidikan'],
      });
      publicNames.sort();
    });
    afterAll(() => t?.close());

    describe('envelope and errors', () => {
      it('wraps every result in {help, success, result} on /api/3/action and /api/action', async () => {
        for (const prefix of ['/api/3/action', '/api/action']) {
          const res = await callAction(t.app, 'package_list', { prefix });
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toMatch(/^application\/json/);
          const body = res.json();
          expect(Object.keys(body).sort()).toEqual(['help', 'result', 'success']);
          expect(body.success).toBe(true);
          expect(body.help).toBe(`${t.config.siteUrl}/api/3/action/help_show?name=package_list`);
        }
      });

      it('answers POST with a JSON body the same as GET with query parameters', async () => {
        const get = await resultOf(callAction(t.app, 'package_show', { query: { id: first.name } }));
        const post = await resultOf(callAction(t.app, 'package_show', { body: { id: first.name } }));
        expect(post).toEqual(get);
      });

      it('404 Not Found Error for an unknown dataset, resource, organization and group', async () => {
        for (const name of ['package_show', 'resource_show', 'organization_show', 'group_show']) {
          const res = await callAction(t.app, name, { query: { id: 'tidak-ada-sama-sekali' } });
          expect(res.statusCode, name).toBe(404);
          const body = res.json();
          expect(body.success).toBe(false);
          expect(body.help).toContain(`help_show?name=${name}`);
          expect(body.error.__type).toBe('Not Found Error');
          expect(body.error.message).toMatch(/^Not found: /);
          expect(body).not.toHaveProperty('result');
        }
      });

      it('403 Authorization Error for a write without a token', async () => {
        const res = await callAction(t.app, 'package_create', {
          body: { name: `anon-${uniq()}`, title: 'Anonim', owner_org: 'dinkes' },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({
          success: false,
          error: { __type: 'Authorization Error', message: expect.stringMatching(/^Access denied: /) },
        });
      });

      it('409 Validation Error with the field keys beside __type and no message', async () => {
        const { token } = await userWithToken(t.database, 'custodian');
        const res = await callAction(t.app, 'package_create', {
          token,
          body: { name: 'X Tidak Sah', title: '', owner_org: 'dinkes', license_id: 'tidak-ada' },
        });
        expect(res.statusCode).toBe(409);
        const { error, success } = res.json();
        expect(success).toBe(false);
        expect(error.__type).toBe('Validation Error');
        expect(error).not.toHaveProperty('message');
        for (const field of ['name', 'title', 'license_id']) {
          expect(Array.isArray(error[field]), field).toBe(true);
          expect(typeof error[field][0], field).toBe('string');
        }
      });

      it('400 Search Query Error for an fq or a sort the parser refuses', async () => {
        const queries: Record<string, string>[] = [
          { fq: 'organization:"tidak ditutup' },
          { fq: 'metadata_modified:[kemarin TO *]' },
          { fq: 'bidang_tak_dikenal:x' },
          { sort: 'metadata_modified' },
          { sort: 'bukan_kolom desc' },
        ];
        for (const query of queries) {
          const res = await callAction(t.app, 'package_search', { query });
          expect(res.statusCode, JSON.stringify(query)).toBe(400);
          const body = res.json();
          expect(body.success).toBe(false);
          expect(body.error.__type, JSON.stringify(query)).toBe('Search Query Error');
          expect(body.error.message).toMatch(/^Search Query is invalid/);
        }
      });

      it('400 with a bare JSON string for an unknown action, as CKAN does', async () => {
        for (const method of ['GET', 'POST'] as const) {
          const res = await callAction(t.app, 'tidak_ada_aksi', {
            method,
            body: method === 'POST' ? {} : undefined,
          });
          expect(res.statusCode).toBe(400);
          expect(res.json()).toBe('Bad request - Action name not known: tidak_ada_aksi');
        }
      });

      it('400 with a bare JSON string for a body that is not JSON', async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/3/action/package_show',
          headers: { 'content-type': 'application/json' },
          payload: '{"id": ',
        });
        expect(res.statusCode).toBe(400);
        expect(typeof res.json()).toBe('string');
        expect(res.json()).toMatch(/^Bad request - JSON Error: /);
      });

      it('refuses POST-only actions over GET, and runs nothing', async () => {
        const { token } = await userWithToken(t.database, 'custodian');
        const before = await t.database.db
          .selectFrom('dataset')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        for (const name of [
          'package_create',
          'package_update',
          'package_patch',
          'package_delete',
          'resource_create',
          'resource_update',
          'resource_delete',
        ]) {
          const res = await callAction(t.app, name, {
            token,
            method: 'GET',
            query: { id: first.id, name: `via-get-${uniq()}`, title: 'GET', owner_org: 'dinkes' },
          });
          expect(res.statusCode, name).toBe(400);
          expect(typeof res.json(), name).toBe('string');
        }
        const after = await t.database.db
          .selectFrom('dataset')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(after.n)).toBe(Number(before.n));
        expect(
          (await resultOf<{ state: string }>(callAction(t.app, 'package_show', { query: { id: first.id } })))
            .state,
        ).toBe('active');
      });
    });

    describe('status_show', () => {
      it('returns the keys a harvester reads', async () => {
        const r = await resultOf<Record<string, unknown>>(callAction(t.app, 'status_show'));
        for (const k of [
          'site_title',
          'site_description',
          'site_url',
          'locale_default',
          'extensions',
          'ckan_version',
        ])
          expect(r, k).toHaveProperty(k);
        expect(r.site_url).toBe(t.config.siteUrl);
      });
    });

    describe('package_list', () => {
      it('lists the names of public active datasets, sorted', async () => {
        const names = await resultOf<string[]>(callAction(t.app, 'package_list'));
        expect(names).toEqual(publicNames);
        expect(names).not.toContain(privateName);
      });

      it('pages with limit and offset', async () => {
        const page = await resultOf<string[]>(
          callAction(t.app, 'package_list', { query: { limit: 3, offset: 2 } }),
        );
        expect(page).toEqual(publicNames.slice(2, 5));
        const tail = await resultOf<string[]>(callAction(t.app, 'package_list', { query: { offset: 10 } }));
        expect(tail).toEqual(publicNames.slice(10));
        const none = await resultOf<string[]>(
          callAction(t.app, 'package_list', { query: { limit: 5, offset: 999 } }),
        );
        expect(none).toEqual([]);
      });

      it('accepts a limit larger than 1000 (CKAN puts no maximum on package_list)', async () => {
        const all = await resultOf<string[]>(callAction(t.app, 'package_list', { query: { limit: 5000 } }));
        expect(all).toEqual(publicNames);
      });
    });

    describe('package_show and resource_show', () => {
      it('returns every key CKAN always returns, by id and by name', async () => {
        const byId = await resultOf<Record<string, unknown>>(
          callAction(t.app, 'package_show', { query: { id: first.id } }),
        );
        const byName = await resultOf(callAction(t.app, 'package_show', { query: { id: first.name } }));
        expect(byName).toEqual(byId);
        for (const k of PACKAGE_KEYS) expect(byId, k).toHaveProperty(k);
        expect(byId).toMatchObject({
          id: first.id,
          name: first.name,
          type: 'dataset',
          state: 'active',
          private: false,
          owner_org: agencyA.id,
          num_resources: 1,
          num_tags: 1,
          license_id: 'CC-BY-4.0',
          isopen: true,
          extras: [{ key: 'sumber', value: 'Dinkes' }],
        });
        expect(byId.metadata_created).toMatch(CKAN_TIME);
        expect(byId.metadata_modified).toMatch(CKAN_TIME);
      });

      it('nests organization, groups, tags and resources with their CKAN keys', async () => {
        const d = await resultOf<{
          organization: Record<string, unknown>;
          groups: Record<string, unknown>[];
          tags: Record<string, unknown>[];
          resources: Record<string, unknown>[];
        }>(callAction(t.app, 'package_show', { query: { id: first.id } }));
        for (const k of ORGANIZATION_KEYS) expect(d.organization, `organization.${k}`).toHaveProperty(k);
        expect(d.organization).toMatchObject({
          name: 'dinkes',
          title: 'Dinas Kesehatan',
          is_organization: true,
        });
        expect(d.groups).toHaveLength(1);
        for (const k of PACKAGE_GROUP_KEYS) expect(d.groups[0], `groups.${k}`).toHaveProperty(k);
        expect(d.groups[0]).toMatchObject({ name: 'kesehatan', title: 'Kesehatan', id: topicOne.id });
        expect(d.tags).toHaveLength(1);
        for (const k of TAG_KEYS) expect(d.tags[0], `tags.${k}`).toHaveProperty(k);
        expect(d.tags[0]).toMatchObject({ name: 'kesehatan', display_name: 'kesehatan', state: 'active' });
        expect(d.resources).toHaveLength(1);
        for (const k of RESOURCE_KEYS) expect(d.resources[0], `resources.${k}`).toHaveProperty(k);
      });

      it('resource_show returns the resource dict as package_show nests it', async () => {
        const d = await resultOf<{ resources: Record<string, unknown>[] }>(
          callAction(t.app, 'package_show', { query: { id: first.id } }),
        );
        const nested = d.resources[0] as Record<string, unknown>;
        const r = await resultOf<Record<string, unknown>>(
          callAction(t.app, 'resource_show', { query: { id: String(nested.id) } }),
        );
        expect(r).toEqual(nested);
        for (const k of RESOURCE_KEYS) expect(r, k).toHaveProperty(k);
        expect(r).toMatchObject({
          package_id: first.id,
          format: 'CSV',
          name: 'Tabel 2024',
          state: 'active',
          position: 0,
        });
        expect(r.created).toMatch(CKAN_TIME);
      });
    });

    describe('organization_list and organization_show', () => {
      it('lists organization names sorted by title, and dicts with package_count when all_fields', async () => {
        const names = await resultOf<string[]>(callAction(t.app, 'organization_list'));
        expect(names.indexOf('dinkes')).toBeLessThan(names.indexOf('disdik'));
        const dicts = await resultOf<Record<string, unknown>[]>(
          callAction(t.app, 'organization_list', {
            query: { all_fields: true, organizations: 'dinkes,disdik' },
          }),
        );
        expect(dicts.map((o) => o.name)).toEqual(['dinkes', 'disdik']);
        for (const d of dicts)
          for (const k of [...ORGANIZATION_KEYS, 'package_count', 'display_name'])
            expect(d, k).toHaveProperty(k);
        expect(dicts[0]?.package_count).toBe(12);
        expect(dicts[1]?.package_count).toBe(1);
        const bySize = await resultOf<string[]>(
          callAction(t.app, 'organization_list', {
            query: { sort: 'package_count desc', organizations: 'dinkes,disdik' },
          }),
        );
        expect(bySize).toEqual(['dinkes', 'disdik']);
        const byNameDesc = await resultOf<string[]>(
          callAction(t.app, 'organization_list', {
            query: { sort: 'name desc', organizations: 'dinkes,disdik' },
          }),
        );
        expect(byNameDesc).toEqual(['disdik', 'dinkes']);
      });

      it('returns at most 25 dicts with all_fields, even when a larger limit is asked (CKAN clamps)', async () => {
        for (let i = 0; i < 26; i++) await buildAgency(t.database);
        const total = (await resultOf<string[]>(callAction(t.app, 'organization_list'))).length;
        expect(total).toBeGreaterThan(25);
        const dflt = await resultOf<unknown[]>(
          callAction(t.app, 'organization_list', { query: { all_fields: true } }),
        );
        expect(dflt).toHaveLength(25);
        const asked = await resultOf<unknown[]>(
          callAction(t.app, 'organization_list', { query: { all_fields: true, limit: 100 } }),
        );
        expect(asked).toHaveLength(25);
        const paged = await resultOf<string[]>(
          callAction(t.app, 'organization_list', { query: { limit: 5, offset: 1 } }),
        );
        expect(paged).toHaveLength(5);
      });

      it('shows an organization by name or id; include_datasets gives only the first 10', async () => {
        const byName = await resultOf<Record<string, unknown>>(
          callAction(t.app, 'organization_show', { query: { id: 'dinkes', include_datasets: true } }),
        );
        const byId = await resultOf<Record<string, unknown>>(
          callAction(t.app, 'organization_show', { query: { id: agencyA.id, include_datasets: true } }),
        );
        expect(byId.id).toBe(byName.id);
        for (const k of ORGANIZATION_KEYS) expect(byName, k).toHaveProperty(k);
        expect(byName.package_count).toBe(12);
        const packages = byName.packages as { name: string; organization: { name: string } }[];
        expect(packages).toHaveLength(10);
        expect(new Set(packages.map((p) => p.organization.name))).toEqual(new Set(['dinkes']));
        const bare = await resultOf<Record<string, unknown>>(
          callAction(t.app, 'organization_show', { query: { id: 'dinkes' } }),
        );
        expect(bare).not.toHaveProperty('packages');
      });
    });

    describe('group_list and group_show', () => {
      it('lists groups (topics) with package_count of public datasets', async () => {
        expect(await resultOf<string[]>(callAction(t.app, 'group_list'))).toEqual([
          'kesehatan',
          'pendidikan',
        ]);
        const dicts = await resultOf<Record<string, unknown>[]>(
          callAction(t.app, 'group_list', { query: { all_fields: true } }),
        );
        expect(dicts.map((g) => [g.name, g.package_count])).toEqual([
          ['kesehatan', 12],
          ['pendidikan', 1],
        ]);
        for (const g of dicts)
          for (const k of [
            'id',
            'name',
            'title',
            'display_name',
            'description',
            'image_display_url',
            'type',
            'is_organization',
            'package_count',
            'state',
          ])
            expect(g, k).toHaveProperty(k);
        expect(dicts[0]).toMatchObject({ type: 'group', is_organization: false, id: topicOne.id });
        expect(
          await resultOf<string[]>(callAction(t.app, 'group_list', { query: { sort: 'package_count asc' } })),
        ).toEqual(['pendidikan', 'kesehatan']);
      });

      it('shows a group with at most 10 datasets', async () => {
        const g = await resultOf<Record<string, unknown>>(
          callAction(t.app, 'group_show', { query: { id: 'kesehatan', include_datasets: 'true' } }),
        );
        expect(g).toMatchObject({ name: 'kesehatan', package_count: 12, type: 'group' });
        expect(g.packages as unknown[]).toHaveLength(10);
        const byId = await resultOf<Record<string, unknown>>(
          callAction(t.app, 'group_show', { query: { id: topicTwo.id } }),
        );
        expect(byId).toMatchObject({ name: 'pendidikan', package_count: 1 });
      });
    });

    describe('tag_list and license_list', () => {
      it('lists the free tags of public datasets, sorted, filtered by query', async () => {
        expect(await resultOf(callAction(t.app, 'tag_list'))).toEqual([
          'kesehatan',
          'pendidikan',
          'puskesmas',
        ]);
        expect(await resultOf(callAction(t.app, 'tag_list', { query: { query: 'kes' } }))).toEqual([
          'kesehatan',
          'puskesmas',
        ]);
        expect(await resultOf(callAction(t.app, 'tag_list', { query: { q: 'didik' } }))).toEqual([
          'pendidikan',
        ]);
        const full = await resultOf<Record<string, unknown>[]>(
          callAction(t.app, 'tag_list', { query: { all_fields: true } }),
        );
        expect(full[0]).toMatchObject({ name: 'kesehatan', display_name: 'kesehatan', vocabulary_id: null });
        expect(full[0]).toHaveProperty('id');
      });

      it('lists licenses with the keys of CKAN license_list', async () => {
        const licenses = await resultOf<Record<string, unknown>[]>(callAction(t.app, 'license_list'));
        expect(licenses.length).toBeGreaterThan(5);
        for (const l of licenses)
          for (const k of LICENSE_KEYS) expect(l, `${String(l.id)}.${k}`).toHaveProperty(k);
        expect(licenses.map((l) => l.id)).toContain('CC-BY-4.0');
      });
    });

    describe('current_package_list_with_resources', () => {
      it('returns public datasets with resources, most recently modified first, paged', async () => {
        const all = await resultOf<{ name: string; metadata_modified: string; resources: unknown[] }[]>(
          callAction(t.app, 'current_package_list_with_resources', { query: { limit: 100 } }),
        );
        expect(all.map((d) => d.name).sort()).toEqual(publicNames);
        const times = all.map((d) => d.metadata_modified);
        expect(times).toEqual([...times].sort().reverse());
        for (const k of PACKAGE_KEYS) expect(all[0], k).toHaveProperty(k);
        expect(all.find((d) => d.name === first.name)?.resources).toHaveLength(1);
        const dflt = await resultOf<unknown[]>(callAction(t.app, 'current_package_list_with_resources'));
        expect(dflt).toHaveLength(10);
        const page = await resultOf<{ name: string }[]>(
          callAction(t.app, 'current_package_list_with_resources', { query: { limit: 4, offset: 4 } }),
        );
        expect(page.map((d) => d.name)).toEqual(all.slice(4, 8).map((d) => d.name));
        const page2 = await resultOf<{ name: string }[]>(
          callAction(t.app, 'current_package_list_with_resources', { query: { limit: 4, page: 2 } }),
        );
        expect(page2.map((d) => d.name)).toEqual(all.slice(4, 8).map((d) => d.name));
      });
    });

    describe('package_autocomplete', () => {
      it('completes titles of public datasets', async () => {
        const r = await resultOf<{ name: string; title: string; match_field: string }[]>(
          callAction(t.app, 'package_autocomplete', { query: { q: 'sekolah' } }),
        );
        expect(r.map((x) => x.name)).toEqual(['sekolah-dasar']);
        expect(r[0]).toMatchObject({
          title: 'Sekolah Dasar',
          match_field: 'title',
          match_displayed: 'Sekolah Dasar',
        });
      });
    });
  });
}
