import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../../test/factories/index.js';
import { callAction, resultOf } from '../../../test/support/catalog-fixtures.js';
import {
  LICENSE_KEYS,
  ORGANIZATION_KEYS,
  type ReadCatalog,
  setUpReadCatalog,
} from '../../../test/support/ckan-read-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';

for (const kind of DIALECTS) {
  describe(`CKAN organization, group, tag and license actions on ${kind}`, () => {
    let t: TestApp;
    let agencyA: ReadCatalog['agencyA'];
    let topicOne: ReadCatalog['topicOne'];
    let topicTwo: ReadCatalog['topicTwo'];

    beforeAll(async () => {
      ({ t, agencyA, topicOne, topicTwo } = await setUpReadCatalog(kind));
    });
    afterAll(() => t?.close());

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
  });
}
