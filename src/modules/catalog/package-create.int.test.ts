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
import type { Agency } from '../../kernel/db/schema.js';

for (const kind of DIALECTS) {
  describe(`CKAN package_create with API tokens on ${kind}`, () => {
    let t: TestApp;
    let dinkes: Agency;
    let producer: string;
    let producerId: string;
    let otherProducer: string;
    let custodian: string;
    const post = (name: string, body: Record<string, unknown>, token?: string) =>
      postAction(t, name, body, token);
    const show = (id: string, token?: string) => showPackage(t, id, token);
    const trail = (subjectId: string, datasetId: string) => writeTrail(t, subjectId, datasetId);
    const producerDataset = (extra: Record<string, unknown> = {}) => producerDatasetOf(t, producer, extra);

    beforeAll(async () => {
      ({ t, dinkes, producer, producerId, otherProducer, custodian } = await setUpWriteApi(kind));
    });
    afterAll(() => t?.close());

    describe('package_create', () => {
      it("creates a producer's dataset for its own agency, private, with an audit and a revision row", async () => {
        const name = `kes-${uniq()}`;
        const res = await post(
          'package_create',
          {
            name,
            title: 'Jumlah Puskesmas',
            owner_org: 'dinkes',
            tags: ['puskesmas'],
            groups: ['kesehatan'],
          },
          producer,
        );
        expect(res.statusCode).toBe(200);
        const d = res.json().result as Pkg;
        expect(d).toMatchObject({ name, private: true, state: 'active', owner_org: dinkes.id });
        expect(d.tags.map((x) => x.name)).toEqual(['puskesmas']);
        const { audit, revisions } = await trail(d.id, d.id);
        expect(audit.map((a) => a.action)).toEqual(['package_create']);
        expect(audit[0]?.request_id).toBeTruthy();
        expect(revisions.map((r) => r.action)).toEqual(['package_create']);
        const row = await t.database.db
          .selectFrom('audit_log')
          .select('actor_id')
          .where('subject_id', '=', d.id)
          .executeTakeFirstOrThrow();
        expect(row.actor_id).toBe(producerId);
        expect((await show(name)).statusCode).toBe(404);
        expect((await show(name, producer)).statusCode).toBe(200);
        expect((await show(name, otherProducer)).statusCode).toBe(404);
      });

      it('refuses a producer writing for another agency (403) and changes nothing', async () => {
        const before = await catalogRowCounts(t.database);
        const res = await post(
          'package_create',
          { name: `lain-${uniq()}`, title: 'Lain', owner_org: 'disdik' },
          producer,
        );
        expect(res.statusCode).toBe(403);
        expect(res.json().error.__type).toBe('Authorization Error');
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });

      it('refuses a producer making a dataset public (403) and changes nothing', async () => {
        const before = await catalogRowCounts(t.database);
        const res = await post(
          'package_create',
          { name: `publik-${uniq()}`, title: 'Publik', owner_org: 'dinkes', private: false },
          producer,
        );
        expect(res.statusCode).toBe(403);
        expect(res.json().error.__type).toBe('Authorization Error');
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });

      it('lets the custodian publish at once', async () => {
        const name = `publik-${uniq()}`;
        const d = await resultOf<Pkg>(
          post('package_create', { name, title: 'Terbuka', owner_org: 'dinkes', private: false }, custodian),
        );
        expect(d.private).toBe(false);
        expect((await show(name)).statusCode).toBe(200);
        expect(await resultOf<string[]>(callAction(t.app, 'package_list'))).toContain(name);
      });

      it('answers a duplicate name with a Validation Error on name, and changes nothing', async () => {
        const d = await producerDataset();
        const before = await catalogRowCounts(t.database);
        const res = await post(
          'package_create',
          { name: d.name, title: 'Kembar', owner_org: 'dinkes' },
          producer,
        );
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({ __type: 'Validation Error', name: [expect.any(String)] });
        expect(await catalogRowCounts(t.database)).toEqual(before);
      });
    });
  });
}
