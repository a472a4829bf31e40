/**
 * The stored package dict (issue #21, migration 0024) never serves what a fresh build would not:
 * after every kind of change that feeds a dict — the dataset row, its tags, topics and
 * resources, an agency or topic renamed, a datastore version and its validation report, the
 * statistical metadata, data standards and activities, code lists — the stored row is either
 * marked stale by the database in the change's own transaction, or still equal to a fresh build;
 * and what package_show and package_search serve equals the fresh build.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, multipartBody, resultOf, uniq } from '../../../test/support/catalog-fixtures.js';
import {
  CSV,
  type Pkg,
  postAction,
  setUpWriteApi,
  type WriteApi,
} from '../../../test/support/ckan-write-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { JobRunner } from '../../kernel/jobs/job-runner.js';
import { fileStoreFor } from '../../kernel/storage/file-store.js';
import { presentPackagesByIds } from './actions/dataset-access.js';
import { withPackageListExtras } from './extensions.js';

type Dict = Record<string, unknown> & { id: string };

for (const kind of DIALECTS) {
  describe(`the stored package dict on ${kind}`, () => {
    let w: WriteApi;
    let pkg: Pkg;
    const tag = `simpan${uniq()}`;

    beforeAll(async () => {
      // The page cache off: package_search must answer from the stored dicts each time (a cached
      // anonymous answer keeps its view counts up to a minute, by design).
      w = await setUpWriteApi(kind, { PAGE_CACHE: 'off' });
      pkg = await resultOf<Pkg>(
        postAction(
          w.t,
          'package_create',
          {
            name: `tersimpan-${uniq()}`,
            title: 'Data Tersimpan',
            owner_org: 'dinkes',
            private: false,
            tags: [tag],
            groups: [{ name: 'kesehatan' }],
            resources: [{ name: 'Tautan', url: 'https://data.example.go.id/a.csv', format: 'CSV' }],
          },
          w.custodian,
        ),
      );
    });
    afterAll(() => w?.t.close());

    const db = () => w.t.database.db;
    const fresh = async () => {
      const [d] = await withPackageListExtras(
        db(),
        await presentPackagesByIds(db(), [pkg.id], w.t.config.siteUrl),
      );
      return d as Dict;
    };
    const stored = async () =>
      (
        await sql<{ current: boolean; dict: Dict | null }>`
          select p.built_generation = p.generation and p.built_stamp = s.stamp as current, p.dict
          from package_dict p cross join catalog_stamp s where p.dataset_id = ${pkg.id}`.execute(db())
      ).rows[0];

    /** The check made after each change. */
    async function expectConsistent(change: string) {
      const before = await stored();
      const expected = await fresh();
      // A row still marked current must hold exactly what a build gives now.
      // (It holds no view count: readers take the live one from the dataset row.)
      if (before?.current)
        expect({ change, dict: { ...before.dict, view_count: expected.view_count } }).toEqual({
          change,
          dict: expected,
        });
      const shown = await resultOf<Dict>(callAction(w.t.app, 'package_show', { query: { id: pkg.id } }));
      expect({ change, dict: shown }).toEqual({ change, dict: expected });
      const found = await resultOf<{ results: Dict[] }>(
        callAction(w.t.app, 'package_search', { query: { fq: `tags:${tag}` } }),
      );
      expect({ change, dict: found.results[0] }).toEqual({ change, dict: expected });
      // The read stored it back: the next one is a stored read.
      expect({ change, current: (await stored())?.current }).toEqual({ change, current: true });
      return before;
    }

    /** The change must have marked the stored dict stale (it changes what a build gives). */
    async function expectStaleAfter(change: string, apply: () => Promise<unknown>) {
      await expectConsistent(`${change} (before)`);
      await apply();
      const before = await expectConsistent(change);
      expect({ change, staleAfterChange: before?.current === false }).toEqual({
        change,
        staleAfterChange: true,
      });
    }

    it('is built on first read and then served as stored', async () => {
      await expectConsistent('first read');
      // Stored without the view count, which is live on the dataset row (readers add it).
      const { view_count: _live, ...built } = await fresh();
      expect((await stored())?.dict).toEqual(built);
    });

    it('goes stale with the dataset row, its tags, topics and resources', async () => {
      await expectStaleAfter('package_patch title', () =>
        resultOf(postAction(w.t, 'package_patch', { id: pkg.id, title: 'Judul Baru' }, w.custodian)),
      );
      await expectStaleAfter('package_patch tags', () =>
        resultOf(
          postAction(
            w.t,
            'package_patch',
            { id: pkg.id, tags: [{ name: tag }, { name: 'gizi' }] },
            w.custodian,
          ),
        ),
      );
      await expectStaleAfter('package_patch groups', () =>
        resultOf(
          postAction(
            w.t,
            'package_patch',
            { id: pkg.id, groups: [{ name: 'kesehatan' }, { name: 'sosial' }] },
            w.custodian,
          ),
        ),
      );
      const [link] = pkg.resources;
      await expectStaleAfter('resource_patch', () =>
        resultOf(postAction(w.t, 'resource_patch', { id: link?.id, name: 'Tautan Baru' }, w.custodian)),
      );
      await expectStaleAfter('resource_create', () =>
        resultOf(
          postAction(
            w.t,
            'resource_create',
            { package_id: pkg.id, name: 'Kedua', url: 'https://data.example.go.id/b.csv', format: 'CSV' },
            w.custodian,
          ),
        ),
      );
      await expectStaleAfter('resource_delete', () =>
        resultOf(postAction(w.t, 'resource_delete', { id: link?.id }, w.custodian)),
      );
      await expectStaleAfter('metadata read model on the dataset row', () =>
        sql`update dataset set metadata_summary = coalesce(metadata_summary, '{}'::jsonb) || '{"indicators": []}'::jsonb,
          notes = notes || ' (diperbarui)' where id = ${pkg.id}`.execute(db()),
      );
    });

    it('goes stale with an upload, its datastore version and its validation report', async () => {
      const body = multipartBody(
        { package_id: pkg.id, name: 'Tabel' },
        { field: 'upload', name: 'tabel.csv', type: 'text/csv', content: CSV },
      );
      await expectStaleAfter('upload and load', async () => {
        await resultOf(
          w.t.app.inject({
            method: 'POST',
            url: '/api/3/action/resource_create',
            headers: { ...body.headers, authorization: w.custodian },
            payload: body.payload,
          }),
        );
        await new JobRunner({
          db: db(),
          driver: w.t.database.kind,
          files: fileStoreFor(w.t.config),
        }).runUntilIdle();
      });
      await expectStaleAfter('validation report rewritten', () =>
        sql`update resource_version set report = coalesce(report, '{}'::jsonb) || '{"valid": false}'::jsonb
          where resource_id in (select id from resource where dataset_id = ${pkg.id})`.execute(db()),
      );
      await expectStaleAfter('variable metadata', () =>
        sql`insert into variable_metadata (resource_id, field_name, ms_var)
          select id, 'jumlah', '{"definisi": "Jumlah"}'::jsonb from resource
          where dataset_id = ${pkg.id} and url_type = 'upload'`.execute(db()),
      );
      await expectStaleAfter('indicator metadata', () =>
        sql`insert into indicator_metadata (dataset_id, name) values (${pkg.id}, 'Indikator Uji')`.execute(
          db(),
        ),
      );
    });

    it('goes stale with what many datasets share: agency, topic, standards, activities, code lists', async () => {
      await expectStaleAfter('agency renamed', () =>
        sql`update agency set name = 'Dinas Kesehatan Kabupaten' where code = 'dinkes'`.execute(db()),
      );
      await expectStaleAfter('topic renamed', () =>
        sql`update topic set title = 'Kesehatan Masyarakat' where name = 'kesehatan'`.execute(db()),
      );
      await expectStaleAfter('data standard added', () =>
        sql`insert into data_standard (name, title, concept, definition, source_kind)
          values (${`std-${uniq()}`}, 'Standar', 'Konsep', 'Definisi', 'regional')`.execute(db()),
      );
      await expectStaleAfter('statistical activity added', () =>
        sql`insert into statistical_activity (agency_id, title) values (${w.dinkes.id}, 'Kegiatan')`.execute(
          db(),
        ),
      );
      await expectStaleAfter('code list added', () =>
        sql`insert into code_list (name, title) values (${`kode-${uniq()}`}, 'Daftar Kode')`.execute(db()),
      );
    });

    it('stays current through page views, and serves the live view count', async () => {
      await expectConsistent('before views');
      await sql`update dataset set view_count = view_count + 5 where id = ${pkg.id}`.execute(db());
      const row = await stored();
      expect(row?.current).toBe(true);
      const shown = await resultOf<Dict>(callAction(w.t.app, 'package_show', { query: { id: pkg.id } }));
      expect(shown.view_count).toBe((await fresh()).view_count);
      expect(shown).toEqual(await fresh());
    });

    it('never overwrites a newer change with an older build', async () => {
      await expectConsistent('before race');
      const generation = (
        await sql<{
          g: string;
        }>`select generation::text as g from package_dict where dataset_id = ${pkg.id}`.execute(db())
      ).rows[0]?.g;
      // A build that read generation g, stored after a change moved it on: dropped.
      await sql`update dataset set title = 'Sesudah' where id = ${pkg.id}`.execute(db());
      const { storeDicts } = await import('./package-dict.repository.js');
      const stamp =
        (await sql<{ s: string }>`select stamp::text as s from catalog_stamp`.execute(db())).rows[0]?.s ?? '';
      await storeDicts(
        db(),
        [{ datasetId: pkg.id, generation: generation ?? null, stamp, dict: { stale: true } }],
        w.t.config.siteUrl,
      );
      expect((await stored())?.current).toBe(false);
      await expectConsistent('after race');
    });
  });
}
