import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import {
  callAction,
  createAgency,
  createDataset,
  createLinkResource,
  createTopic,
  resultOf,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';

/** Words that appear only in the hidden datasets. */
const PRIVATE_WORD = 'zamrudrahasia';
const DRAFT_WORD = 'safirdraf';
const PRIVATE_TAG = 'tag-khusus-rahasia';
const DRAFT_TAG = 'tag-khusus-draf';
const ALL_FACETS = ['organization', 'groups', 'tags', 'res_format', 'license_id'];

interface Search {
  count: number;
  results: { name: string }[];
  facets: Record<string, Record<string, number>>;
}

for (const kind of DIALECTS) {
  describe(`private and draft datasets stay hidden on ${kind}`, () => {
    let t: TestApp;
    let custodian: Actor;
    let privateId: string;
    let privateResourceId: string;
    let privateDownload: string;
    let draftId: string;
    let ownerToken: string;
    /** Who must never see them: anonymous (no token) and a producer of another agency. */
    const outsiders: { label: string; token: string | undefined }[] = [
      { label: 'anonymous', token: undefined },
    ];

    const call = (
      name: string,
      query: Record<string, string | number | boolean | string[] | undefined>,
      token?: string,
    ) => callAction(t.app, name, { query, ...(token ? { token } : {}) });

    beforeAll(async () => {
      t = await createTestApp(kind);
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      const owner = await createAgency(t.database, { code: 'bappeda', name: 'Bappeda' });
      const other = await createAgency(t.database, { code: 'dishub', name: 'Dinas Perhubungan' });
      await createTopic(t.database, { name: 'ekonomi', title: 'Ekonomi' });
      await createDataset(t.database, custodian, {
        owner_org: 'bappeda',
        name: 'pdrb-publik',
        title: 'PDRB Kabupaten',
        tags: ['ekonomi'],
        groups: ['ekonomi'],
        resources: [{ url: 'https://data.example.go.id/pdrb.csv', format: 'CSV' }],
      });
      const hidden = await createDataset(t.database, custodian, {
        owner_org: 'bappeda',
        name: `rencana-${PRIVATE_WORD}`,
        title: `Rencana ${PRIVATE_WORD} Anggaran`,
        notes: `Berisi ${PRIVATE_WORD}`,
        private: true,
        tags: ['ekonomi', PRIVATE_TAG],
        groups: ['ekonomi'],
        license_id: 'other-closed',
      });
      privateId = hidden.id;
      const res = await createLinkResource(t.database, custodian, privateId, {
        format: 'XLSX',
        name: PRIVATE_WORD,
      });
      privateResourceId = res.id;
      privateDownload = `/dataset/${privateId}/resource/${privateResourceId}/download/x`;
      const draft = await createDataset(t.database, custodian, {
        owner_org: 'bappeda',
        name: `draf-${DRAFT_WORD}`,
        title: `Konsep ${DRAFT_WORD}`,
        private: false,
        state: 'draft',
        tags: [DRAFT_TAG],
        groups: ['ekonomi'],
        resources: [{ url: 'https://data.example.go.id/draf.json', format: 'JSON' }],
      });
      draftId = draft.id;
      ownerToken = (await userWithToken(t.database, 'producer', owner.id)).token;
      outsiders.push({
        label: 'producer of another agency',
        token: (await userWithToken(t.database, 'producer', other.id)).token,
      });
    });
    afterAll(() => t?.close());

    it('the owner agency does see them (the fixture is right)', async () => {
      const r = await resultOf<Search>(
        call('package_search', { q: PRIVATE_WORD, include_private: true }, ownerToken),
      );
      expect(r.count).toBe(1);
      const d = await resultOf<Search>(
        call('package_search', { q: DRAFT_WORD, include_drafts: true }, ownerToken),
      );
      expect(d.count).toBe(1);
      expect((await call('package_show', { id: privateId }, ownerToken)).statusCode).toBe(200);
    });

    for (const who of [0, 1]) {
      describe(`for ${who === 0 ? 'anonymous callers' : 'a producer of another agency'}`, () => {
        const token = () => outsiders[who]?.token;

        it('package_search: no results, no count, no facet counts, whatever the flags', async () => {
          for (const q of [PRIVATE_WORD, DRAFT_WORD])
            for (const flags of [{}, { include_private: true, include_drafts: true }]) {
              const r = await resultOf<Search>(
                call('package_search', { q, 'facet.field': ALL_FACETS, ...flags }, token()),
              );
              expect(r.count, q).toBe(0);
              expect(r.results).toEqual([]);
              for (const f of ALL_FACETS) expect(r.facets[f], f).toEqual({});
            }
          const all = await resultOf<Search>(
            call(
              'package_search',
              {
                'facet.field': ALL_FACETS,
                'facet.limit': -1,
                include_private: true,
                include_drafts: true,
                rows: 1000,
              },
              token(),
            ),
          );
          expect(all.count).toBe(1);
          expect(all.results.map((d) => d.name)).toEqual(['pdrb-publik']);
          expect(all.facets).toEqual({
            organization: { bappeda: 1 },
            groups: { ekonomi: 1 },
            tags: { ekonomi: 1 },
            res_format: { CSV: 1 },
            license_id: { 'CC-BY-4.0': 1 },
          });
          for (const fq of [
            'capacity:private',
            `name:rencana-${PRIVATE_WORD}`,
            `tags:${PRIVATE_TAG}`,
            `id:${privateId}`,
            `id:${draftId}`,
          ])
            expect(
              (await resultOf<Search>(call('package_search', { fq, include_private: true }, token()))).count,
              fq,
            ).toBe(0);
        });

        it('package_list and current_package_list_with_resources leave them out', async () => {
          expect(await resultOf(call('package_list', {}, token()))).toEqual(['pdrb-publik']);
          const cur = await resultOf<{ name: string }[]>(
            call('current_package_list_with_resources', { limit: 100 }, token()),
          );
          expect(cur.map((d) => d.name)).toEqual(['pdrb-publik']);
        });

        it('package_show, resource_show and the download answer 404, by id and by name', async () => {
          for (const id of [privateId, `rencana-${PRIVATE_WORD}`, draftId, `draf-${DRAFT_WORD}`]) {
            const res = await call('package_show', { id }, token());
            expect(res.statusCode, id).toBe(404);
            expect(res.body).not.toContain(PRIVATE_WORD);
            expect(res.body).not.toContain(DRAFT_WORD);
          }
          const r = await call('resource_show', { id: privateResourceId }, token());
          expect(r.statusCode).toBe(404);
          expect(r.body).not.toContain(PRIVATE_WORD);
          const dl = await t.app.inject({
            url: privateDownload,
            headers: token() ? { authorization: token() as string } : {},
          });
          expect(dl.statusCode).toBe(404);
        });

        it('organization_show, group_show and the list counts leave them out', async () => {
          const org = await resultOf<{ package_count: number; packages: { name: string }[] }>(
            call('organization_show', { id: 'bappeda', include_datasets: true }, token()),
          );
          expect(org.package_count).toBe(1);
          expect(org.packages.map((p) => p.name)).toEqual(['pdrb-publik']);
          const group = await resultOf<{ package_count: number; packages: { name: string }[] }>(
            call('group_show', { id: 'ekonomi', include_datasets: true }, token()),
          );
          expect(group.package_count).toBe(1);
          expect(group.packages.map((p) => p.name)).toEqual(['pdrb-publik']);
          const orgs = await resultOf<{ name: string; package_count: number }[]>(
            call('organization_list', { all_fields: true }, token()),
          );
          expect(orgs.find((o) => o.name === 'bappeda')?.package_count).toBe(1);
          const groups = await resultOf<{ name: string; package_count: number }[]>(
            call('group_list', { all_fields: true }, token()),
          );
          expect(groups.find((g) => g.name === 'ekonomi')?.package_count).toBe(1);
        });

        it('package_autocomplete and tag_list leave them out', async () => {
          for (const q of [PRIVATE_WORD, DRAFT_WORD, 'rencana', 'konsep', 'draf'])
            expect(await resultOf(call('package_autocomplete', { q }, token())), q).toEqual([]);
          const tags = await resultOf<string[]>(call('tag_list', {}, token()));
          expect(tags).toEqual(['ekonomi']);
          expect(await resultOf(call('tag_list', { query: 'khusus' }, token()))).toEqual([]);
          const full = await resultOf<{ name: string }[]>(call('tag_list', { all_fields: true }, token()));
          expect(full.map((x) => x.name)).toEqual(['ekonomi']);
        });
      });
    }
  });
}
