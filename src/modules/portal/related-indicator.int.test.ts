/**
 * Related datasets by indicator (issue #18 item 4): a dataset presenting the same indicator
 * (MS-Ind name, any case) or following the same data standard is listed before a same-topic
 * one; private datasets never appear; the lookup can run on indexes alone.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { createAgency, createDataset, createTopic } from '../../../test/support/catalog-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { loadRelated } from './collections/curation.loader.js';
import { listSameIndicatorDatasets } from './collections/related-indicator.repository.js';

for (const kind of DIALECTS) {
  describe(`related datasets by indicator and data standard (${listSameIndicatorDatasets.name}) on ${kind}`, () => {
    let t: TestApp;
    const ids: Record<string, string> = {};
    const names: Record<string, string> = {};

    beforeAll(async () => {
      t = await createTestApp(kind);
      const custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      const [a, b] = [await createAgency(t.database), await createAgency(t.database)];
      const topic = await createTopic(t.database);
      const standard = await t.database.db
        .insertInto('data_standard')
        .values({
          name: `standar-${Date.now()}`,
          title: 'Angka Kemiskinan',
          concept: 'Kemiskinan',
          definition: 'Persentase penduduk miskin',
          source_kind: 'bps',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const make = async (key: string, agencyId: string, extra: Record<string, unknown> = {}) => {
        const d = await createDataset(t.database, custodian, {
          owner_org: agencyId,
          title: `Data ${key}`,
          ...extra,
        });
        ids[key] = d.id;
        names[key] = d.name;
      };
      await make('me', a.id, { groups: [topic.name] });
      await make('indicator', b.id);
      await make('standard', b.id);
      await make('topic', b.id, { groups: [topic.name] });
      await make('hidden', b.id, { private: true });
      await make('unrelated', b.id);
      const indicator = (dataset: string, name: string) =>
        t.database.db
          .insertInto('indicator_metadata')
          .values({ dataset_id: ids[dataset] as string, name, ms_ind: '{}' })
          .execute();
      await indicator('me', 'Persentase Penduduk Miskin');
      await indicator('indicator', 'persentase penduduk miskin');
      await indicator('hidden', 'Persentase Penduduk Miskin');
      await indicator('unrelated', 'Angka Harapan Hidup');
      for (const key of ['me', 'standard'])
        await t.database.db
          .updateTable('dataset')
          .set({ data_standard_id: standard.id })
          .where('id', '=', ids[key] as string)
          .execute();
    });
    afterAll(() => t?.close());

    it('lists the same indicator first, then the same data standard, then the same topic; never a private one', async () => {
      const related = await loadRelated(t.database.db, ids.me as string);
      expect(related.map((r) => [r.name, r.reasons])).toEqual([
        [names.indicator, ['indicator']],
        [names.standard, ['standard']],
        [names.topic, ['topic']],
      ]);
    });

    it('shows the reason on the dataset page in both languages', async () => {
      const id = await t.app.inject({ url: `/dataset/${names.me}` });
      expect(id.body).toContain('indikator sama');
      expect(id.body).toContain('standar data sama');
      const en = await t.app.inject({ url: `/dataset/${names.me}?lang=en` });
      expect(en.body).toContain('same indicator');
      expect(id.body).not.toContain(names.hidden as string);
    });

    it('a dataset with no indicator and no standard gets nothing from this lookup', async () => {
      expect(await listSameIndicatorDatasets(t.database.db, ids.topic as string)).toEqual([]);
    });

    it('can answer from indexes alone: no sequential scan of indicator_metadata or dataset', async () => {
      const plan = await t.database.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await sql<{ 'QUERY PLAN': string }>`explain
          select x.dataset_id from indicator_metadata mine
          join indicator_metadata x on lower(x.name) = lower(mine.name)
          where mine.dataset_id = ${ids.me}`.execute(trx);
        const std = await sql<{ 'QUERY PLAN': string }>`explain
          select other.id from dataset me join dataset other on other.data_standard_id = me.data_standard_id
          where me.id = ${ids.me}`.execute(trx);
        return [...rows, ...std.rows].map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).not.toMatch(/Seq Scan on (indicator_metadata|dataset)\b/);
      expect(plan).toContain('indicator_metadata_name_idx');
    });
  });
}
