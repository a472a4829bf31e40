import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf } from '../../../test/support/catalog-fixtures.js';
import {
  CKAN_TIME,
  ORGANIZATION_KEYS,
  PACKAGE_GROUP_KEYS,
  PACKAGE_KEYS,
  RESOURCE_KEYS,
  type ReadCatalog,
  setUpReadCatalog,
  TAG_KEYS,
} from '../../../test/support/ckan-read-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`CKAN package read actions on ${kind}`, () => {
    let t: TestApp;
    let agencyA: ReadCatalog['agencyA'];
    let topicOne: ReadCatalog['topicOne'];
    let publicNames: string[];
    let first: ReadCatalog['first'];
    let privateName: string;

    beforeAll(async () => {
      ({ t, agencyA, topicOne, publicNames, first, privateName } = await setUpReadCatalog(kind));
    });
    afterAll(() => t?.close());

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
