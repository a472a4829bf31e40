import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAction,
  createAgency,
  multipartBody,
  resultOf,
  uniq,
  userWithToken,
} from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Agency } from '../../kernel/db/schema.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';

interface Pkg {
  id: string;
  name: string;
  private: boolean;
  resources: { id: string; url: string }[];
}

/**
 * Access classification must hold on every surface: a restricted or closed dataset never
 * reaches the public (search, package_show, DCAT, sitemap, downloads), closed data stay with
 * the producing agency and the custodian, restricted data reach only the agencies named.
 * Each assertion here fails if a surface leaks.
 */
for (const kind of DIALECTS) {
  describe(`access classification on ${kind}`, () => {
    let t: TestApp;
    let owner: Agency;
    let shared: Agency;
    let other: Agency;
    let tokens: Record<
      'custodian' | 'supervisor' | 'ownerProducer' | 'sharedProducer' | 'otherProducer',
      string
    >;
    const word = `rahasia${uniq()}`;
    let open: Pkg;
    let restricted: Pkg;
    let closed: Pkg;

    async function makeDataset(
      label: string,
      classification: 'open' | 'restricted' | 'closed',
      sharedWith: string[] = [],
    ) {
      const created = await resultOf<Pkg>(
        callAction(t.app, 'package_create', {
          token: tokens.ownerProducer,
          body: {
            name: `${label}-${uniq()}`,
            title: `${word} ${label}`,
            owner_org: owner.code,
            private: true,
          },
        }),
      );
      const body = multipartBody(
        { package_id: created.id, name: `${label} tabel` },
        { field: 'upload', name: `${label}.csv`, type: 'text/csv', content: Buffer.from('a,b\n1,2\n') },
      );
      await resultOf(
        t.app.inject({
          method: 'POST',
          url: '/api/3/action/resource_create',
          headers: { ...body.headers, authorization: tokens.ownerProducer },
          payload: body.payload,
        }),
      );
      // Loaded (and checked for personal data): an unchecked upload is served to no one outside.
      await new JobRunner({
        db: t.database.db,
        driver: t.kind,
        files: fileStoreFor(t.config),
      }).runUntilIdle();
      await resultOf(
        callAction(t.app, 'dataset_classification_set', {
          token: tokens.ownerProducer,
          body: { id: created.id, classification, shared_with: sharedWith },
        }),
      );
      if (classification === 'open')
        await resultOf(
          callAction(t.app, 'package_patch', {
            token: tokens.custodian,
            body: { id: created.id, private: false },
          }),
        );
      return resultOf<Pkg>(
        callAction(t.app, 'package_show', { token: tokens.custodian, query: { id: created.id } }),
      );
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      owner = await createAgency(t.database);
      shared = await createAgency(t.database);
      other = await createAgency(t.database);
      tokens = {
        custodian: (await userWithToken(t.database, 'custodian')).token,
        supervisor: (await userWithToken(t.database, 'supervisor')).token,
        ownerProducer: (await userWithToken(t.database, 'producer', owner.id)).token,
        sharedProducer: (await userWithToken(t.database, 'producer', shared.id)).token,
        otherProducer: (await userWithToken(t.database, 'producer', other.id)).token,
      };
      open = await makeDataset('terbuka', 'open');
      restricted = await makeDataset('terbatas', 'restricted', [shared.code]);
      closed = await makeDataset('tertutup', 'closed');
    });
    afterAll(() => t.close());

    async function searchNames(token: string | undefined, includePrivate: boolean) {
      const r = await resultOf<{ results: Pkg[] }>(
        callAction(t.app, 'package_search', {
          ...(token ? { token } : {}),
          query: { q: word, include_private: includePrivate, rows: 100 },
        }),
      );
      return r.results.map((p) => p.name).sort();
    }

    async function showStatus(token: string | undefined, id: string) {
      return (await callAction(t.app, 'package_show', { ...(token ? { token } : {}), query: { id } }))
        .statusCode;
    }

    it('the public sees only the open dataset: search, package_show, DCAT, sitemap, downloads', async () => {
      expect(await searchNames(undefined, true)).toEqual([open.name]);
      expect(await showStatus(undefined, open.id)).toBe(200);
      expect(await showStatus(undefined, restricted.id)).toBe(404);
      expect(await showStatus(undefined, closed.id)).toBe(404);

      const catalog = await t.app.inject({ url: '/catalog.ttl' });
      expect(catalog.body).toContain(open.name);
      expect(catalog.body).not.toContain(restricted.name);
      expect(catalog.body).not.toContain(closed.name);
      expect((await t.app.inject({ url: `/dataset/${restricted.name}.ttl` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/dataset/${closed.name}.jsonld` })).statusCode).toBe(404);

      const sitemap = await t.app.inject({ url: '/sitemap.xml' });
      expect(sitemap.body).toContain(open.name);
      expect(sitemap.body).not.toContain(restricted.name);
      expect(sitemap.body).not.toContain(closed.name);

      const path = (p: Pkg) => new URL(p.resources[0]?.url ?? '').pathname;
      expect((await t.app.inject({ url: path(open) })).statusCode).toBe(200);
      expect((await t.app.inject({ url: path(restricted) })).statusCode).toBe(404);
      expect((await t.app.inject({ url: path(closed) })).statusCode).toBe(404);
    });

    it('closed data: only the producing agency and the custodian', async () => {
      expect(await showStatus(tokens.ownerProducer, closed.id)).toBe(200);
      expect(await showStatus(tokens.custodian, closed.id)).toBe(200);
      expect(await showStatus(tokens.supervisor, closed.id)).toBe(404);
      expect(await showStatus(tokens.sharedProducer, closed.id)).toBe(404);
      expect(await searchNames(tokens.supervisor, true)).toEqual([open.name, restricted.name].sort());
      expect(await searchNames(tokens.custodian, true)).toEqual(
        [open.name, restricted.name, closed.name].sort(),
      );
      expect(await searchNames(tokens.ownerProducer, true)).toEqual(
        [open.name, restricted.name, closed.name].sort(),
      );
    });

    it('restricted data: also the agencies named, no others', async () => {
      expect(await showStatus(tokens.sharedProducer, restricted.id)).toBe(200);
      expect(await searchNames(tokens.sharedProducer, true)).toEqual([open.name, restricted.name].sort());
      expect(await showStatus(tokens.otherProducer, restricted.id)).toBe(404);
      expect(await searchNames(tokens.otherProducer, true)).toEqual([open.name]);
      // A shared agency reads; it does not write.
      const patch = await callAction(t.app, 'package_patch', {
        token: tokens.sharedProducer,
        body: { id: restricted.id, title: 'diubah' },
      });
      expect(patch.statusCode).not.toBe(200);
      const show = await resultOf<{ classification: string; shared_with: { code: string }[] }>(
        callAction(t.app, 'dataset_classification_show', {
          token: tokens.sharedProducer,
          query: { id: restricted.id },
        }),
      );
      expect(show).toMatchObject({ classification: 'restricted', shared_with: [{ code: shared.code }] });
    });

    it('publishing a non-open dataset is refused, and a public dataset cannot become non-open', async () => {
      const res = await callAction(t.app, 'package_patch', {
        token: tokens.custodian,
        body: { id: restricted.id, private: false },
      });
      // saveDataset refuses in words (409) before the database check would.
      expect(res.statusCode).toBe(409);
      expect(JSON.stringify(res.json().error)).toMatch(/hanya data terbuka yang boleh publik/);
      expect(await showStatus(undefined, restricted.id)).toBe(404);
      const row = await t.database.db
        .selectFrom('dataset')
        .select(['private', 'classification'])
        .where('id', '=', restricted.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ private: true, classification: 'restricted' });

      const demote = await callAction(t.app, 'dataset_classification_set', {
        token: tokens.custodian,
        body: { id: open.id, classification: 'closed' },
      });
      expect(demote.statusCode).toBe(409);
      expect(JSON.stringify(demote.json().error)).toMatch(/hanya data terbuka yang boleh publik/);
      expect(await showStatus(undefined, open.id)).toBe(200);

      // Sharing is only for restricted data; unknown agencies are named.
      const bad = await callAction(t.app, 'dataset_classification_set', {
        token: tokens.ownerProducer,
        body: { id: closed.id, classification: 'restricted', shared_with: ['tidak-ada-opd'] },
      });
      expect(bad.statusCode).toBe(409);
      expect(JSON.stringify(bad.json().error)).toContain('tidak-ada-opd');
      const notRestricted = await callAction(t.app, 'dataset_classification_set', {
        token: tokens.ownerProducer,
        body: { id: closed.id, classification: 'closed', shared_with: [shared.code] },
      });
      expect(notRestricted.statusCode).toBe(409);
    });

    it('only those who may update the dataset classify it', async () => {
      for (const token of [tokens.otherProducer, tokens.supervisor, tokens.sharedProducer]) {
        const res = await callAction(t.app, 'dataset_classification_set', {
          token,
          body: { id: restricted.id, classification: 'open' },
        });
        expect([403, 404]).toContain(res.statusCode);
      }
      const anon = await callAction(t.app, 'dataset_classification_set', {
        body: { id: open.id, classification: 'open' },
      });
      expect(anon.statusCode).toBe(403);
    });
  });
}
