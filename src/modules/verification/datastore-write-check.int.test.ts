/**
 * Issue #19 item 4, last rule: a producer's DataStore write to a published dataset becomes a new
 * submission through the check flow (the public keeps reading what was published until the
 * custodian publishes the write), unless the region's preset allows direct updates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf } from '../../../test/support/catalog-fixtures.js';
import {
  postAction,
  producerDatasetOf,
  setUpWriteApi,
  type WriteApi,
} from '../../../test/support/ckan-write-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { insertDefinitionVersion, setRegionChoice } from '../workflows/definitions.js';
import { MAGETAN_STATISTIK_SEKTORAL } from '../workflows/domain/presets/magetan-statistik-sektoral.js';
import { allChecked } from './decisions.js';

type Search = { total: number; records: Record<string, unknown>[] };

for (const kind of DIALECTS) {
  describe(`a producer's DataStore write to a published dataset on ${kind}`, () => {
    let w: WriteApi;

    beforeAll(async () => {
      w = await setUpWriteApi(kind);
    });
    afterAll(() => w?.t.close());

    /** A dataset with a table of two rows, made public by the custodian. */
    async function publishedTable() {
      const pkg = await producerDatasetOf(w.t, w.producer, { private: true });
      const res = await resultOf<{ id: string }>(
        postAction(
          w.t,
          'resource_create',
          { package_id: pkg.id, name: 'Puskesmas', format: 'CSV', url: 'https://x.example/p' },
          w.producer,
        ),
      );
      await resultOf(
        postAction(
          w.t,
          'datastore_create',
          {
            resource_id: res.id,
            fields: [
              { id: 'kode', type: 'text' },
              { id: 'jumlah', type: 'int' },
            ],
            primary_key: ['kode'],
            records: [
              { kode: '35.20.01', jumlah: 2 },
              { kode: '35.20.02', jumlah: 3 },
            ],
          },
          w.producer,
        ),
      );
      await resultOf(postAction(w.t, 'package_patch', { id: pkg.id, private: false }, w.custodian));
      return { pkg, resourceId: res.id };
    }
    const publicRows = async (resourceId: string) =>
      (
        await resultOf<Search>(
          callAction(w.t.app, 'datastore_search', { query: { resource_id: resourceId, sort: 'kode' } }),
        )
      ).records.map((r) => [r.kode, r.jumlah]);
    const submissions = (datasetId: string) =>
      w.t.database.db
        .selectFrom('dataset_submission')
        .selectAll()
        .where('dataset_id', '=', datasetId)
        .orderBy('number')
        .execute();

    it('becomes a submission; the public reads the published table until the custodian publishes it', async () => {
      const { pkg, resourceId } = await publishedTable();
      const served = async () =>
        (
          await w.t.database.db
            .selectFrom('resource')
            .select('datastore_version_id')
            .where('id', '=', resourceId)
            .executeTakeFirstOrThrow()
        ).datastore_version_id;
      const before = await served();
      await resultOf(
        postAction(
          w.t,
          'datastore_upsert',
          { resource_id: resourceId, method: 'upsert', records: [{ kode: '35.20.03', jumlah: 4 }] },
          w.producer,
        ),
      );
      // the public still reads what was published; the write waits in a submission
      expect(await publicRows(resourceId)).toEqual([
        ['35.20.01', 2],
        ['35.20.02', 3],
      ]);
      expect(await served()).toBe(before);
      const [s] = await submissions(pkg.id);
      expect(s?.state).toBe('submitted');
      const held = s?.resources.find((r) => r.resource_id === resourceId);
      expect(held?.version_id).not.toBe(before);
      expect(held?.row_count).toBe(3);

      // a second write while the first is being checked is refused and changes nothing
      const second = await postAction(
        w.t,
        'datastore_upsert',
        { resource_id: resourceId, method: 'upsert', records: [{ kode: '35.20.04', jumlah: 5 }] },
        w.producer,
      );
      expect(second.statusCode).toBe(409);
      expect(await submissions(pkg.id)).toHaveLength(1);

      // the custodian checks and publishes: the public reads the written table
      await resultOf(
        postAction(
          w.t,
          'submission_verify',
          { id: s?.id, outcome: 'approve', checklist: allChecked() },
          w.custodian,
        ),
      );
      await resultOf(postAction(w.t, 'submission_publish', { id: s?.id }, w.custodian));
      expect(await served()).toBe(held?.version_id);
      expect(await publicRows(resourceId)).toEqual([
        ['35.20.01', 2],
        ['35.20.02', 3],
        ['35.20.03', 4],
      ]);
    });

    it("the custodian's own write is served at once, and a preset allowing direct updates serves the producer's", async () => {
      const { pkg, resourceId } = await publishedTable();
      await resultOf(
        postAction(
          w.t,
          'datastore_upsert',
          { resource_id: resourceId, method: 'upsert', records: [{ kode: '35.20.03', jumlah: 7 }] },
          w.custodian,
        ),
      );
      expect(await publicRows(resourceId)).toHaveLength(3);
      expect(await submissions(pkg.id)).toHaveLength(0);

      const direct = await insertDefinitionVersion(
        w.t.database.db,
        { ...MAGETAN_STATISTIK_SEKTORAL, key: 'magetan-pembaruan-langsung', directUpdates: true },
        null,
        null,
      );
      await setRegionChoice(w.t.database.db, 'dataset_collection', direct.id, null);
      await resultOf(
        postAction(
          w.t,
          'datastore_upsert',
          { resource_id: resourceId, method: 'upsert', records: [{ kode: '35.20.04', jumlah: 8 }] },
          w.producer,
        ),
      );
      expect(await publicRows(resourceId)).toHaveLength(4);
      expect(await submissions(pkg.id)).toHaveLength(0);
    });
  });
}
