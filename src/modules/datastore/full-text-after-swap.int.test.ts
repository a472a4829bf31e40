/**
 * Issue 20, item 1: an ingest swaps its table in without `_full_text` (data readable at once)
 * and the `full_text_backfill` job fills the column and its GIN index afterwards. `q` answers
 * the same before, during (a stopped fill) and after the fill; a new upload's swap stays atomic.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf } from '../../../test/support/catalog-fixtures.js';
import { ingestSetup } from '../../../test/support/ingest-fixtures.js';
import type { TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { JobContext } from '../../kernel/jobs/job-handler.js';
import type { JobRunner } from '../../kernel/jobs/job-runner.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { fullTextBackfillHandler } from './full-text-backfill.handler.js';
import { FULL_TEXT_BACKFILL_JOB } from './full-text-backfill.js';
import { fillFullText } from './full-text-fill.js';
import { FULL_TEXT_FILL, versionTableName } from './version-table.js';
import { hasFullTextColumn, versionsWithoutFullText } from './version-table.repository.js';

/** 40 villages; every fifth is a `Kelurahan`, the rest `Desa`. */
function csv(prefix: string): Buffer {
  const lines = ['kode,nama,jumlah'];
  for (let i = 1; i <= 40; i++)
    lines.push(`${1000 + i},${i % 5 === 0 ? 'Kelurahan' : 'Desa'} ${prefix}${i},${i * 7}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

const schemaOf = (row: { table_schema: TableSchema | null }): TableSchema => {
  if (!row.table_schema) throw new Error('no schema');
  return row.table_schema;
};

for (const kind of DIALECTS) {
  describe(`full text after the swap on ${kind}`, () => {
    const s = ingestSetup(kind);
    let t: TestApp;
    let runner: JobRunner;
    beforeAll(() => {
      ({ t, runner } = s.ctx);
    });

    const total = async (resourceId: string, q: string | Record<string, string>) =>
      (
        await resultOf<{ total: number }>(
          callAction(t.app, 'datastore_search', {
            query: { resource_id: resourceId, q: typeof q === 'string' ? q : JSON.stringify(q) },
            token: s.ctx.producer,
          }),
        )
      ).total;
    const fullTextIndexes = async (versionId: string) =>
      (
        await sql<{ indexdef: string }>`
          select indexdef from pg_indexes where schemaname = 'datastore' and tablename = ${versionTableName(versionId)}`.execute(
          t.database.db,
        )
      ).rows.filter((r) => /using gin/i.test(r.indexdef));
    const backfillJobs = () =>
      t.database.db
        .selectFrom('job')
        .select(['id', 'state'])
        .where('kind', '=', FULL_TEXT_BACKFILL_JOB.kind)
        .execute();

    it('serves the load at its swap, answers q row by row, then through the index after the job', async () => {
      const d = await s.dataset();
      const r = await resultOf<{ id: string }>(
        s.upload('resource_create', { package_id: d.id }, 'desa.csv', csv('A')),
      );
      expect(await runner.runOne()).toBe(true); // the ingest job only
      const st = await s.status(r.id);
      expect(st.state).toBe('complete');
      expect((await s.resourceRow(r.id)).datastore_version_id).toBe(st.version_id);
      // Swapped in without `_full_text`; the fill is queued.
      expect(await hasFullTextColumn(t.database.db, versionTableName(st.version_id))).toBe(false);
      expect((await backfillJobs()).filter((j) => j.state === 'queued')).toHaveLength(1);
      const before = [
        await total(r.id, 'kelurahan'),
        await total(r.id, 'desa'),
        await total(r.id, { nama: 'A10' }),
      ];
      expect(before).toEqual([8, 32, 1]);

      await runner.runUntilIdle();
      expect(await hasFullTextColumn(t.database.db, versionTableName(st.version_id))).toBe(true);
      expect(await fullTextIndexes(st.version_id)).toHaveLength(1);
      expect((await fullTextIndexes(st.version_id))[0]?.indexdef).toMatch(/gin \(_full_text\)/);
      expect([
        await total(r.id, 'kelurahan'),
        await total(r.id, 'desa'),
        await total(r.id, { nama: 'A10' }),
      ]).toEqual(before);
      expect(await versionsWithoutFullText(t.database.db)).toEqual([]);
    });

    it('a stopped fill switches nothing on; q stays right and the next run finishes it', async () => {
      const d = await s.dataset();
      const r = await resultOf<{ id: string }>(
        s.upload('resource_create', { package_id: d.id }, 'desa.csv', csv('B')),
      );
      expect(await runner.runOne()).toBe(true);
      const { version_id } = await s.status(r.id);
      const stop = new AbortController();
      const done = await fillFullText(
        t.database.db,
        t.kind,
        version_id,
        schemaOf(await s.resourceRow(r.id)),
        {
          chunkRows: 10,
          signal: stop.signal,
          onChunk: () => stop.abort(),
        },
      );
      expect(done).toBe(false);
      const table = sql.id('datastore', versionTableName(version_id));
      const filled = await sql<{
        n: number;
      }>`select count(${sql.id(FULL_TEXT_FILL)})::int as n from ${table}`.execute(t.database.db);
      expect(filled.rows[0]?.n).toBeGreaterThan(0);
      expect(filled.rows[0]?.n).toBeLessThan(40);
      expect(await hasFullTextColumn(t.database.db, versionTableName(version_id))).toBe(false);
      expect(await total(r.id, 'kelurahan')).toBe(8);

      await runner.runUntilIdle();
      expect(await hasFullTextColumn(t.database.db, versionTableName(version_id))).toBe(true);
      expect(await total(r.id, 'kelurahan')).toBe(8);
      expect(await total(r.id, 'B40')).toBe(1);
    });

    it('a new upload swaps in whole over a filled version; q answers from the new rows at once', async () => {
      const d = await s.dataset();
      const r = await resultOf<{ id: string }>(
        s.upload('resource_create', { package_id: d.id }, 'desa.csv', csv('C')),
      );
      await runner.runUntilIdle();
      expect(await total(r.id, 'C7')).toBe(1);
      const v1 = (await s.status(r.id)).version_id;
      await resultOf(s.upload('resource_update', { id: r.id }, 'desa.csv', csv('D')));
      expect(await runner.runOne()).toBe(true);
      const v2 = (await s.status(r.id)).version_id;
      expect(v2).not.toBe(v1);
      expect((await s.tableRows(v2)).length).toBe(40);
      expect(await hasFullTextColumn(t.database.db, versionTableName(v2))).toBe(false);
      expect([await total(r.id, 'C7'), await total(r.id, 'D7'), await total(r.id, 'kelurahan')]).toEqual([
        0, 1, 8,
      ]);
      await runner.runUntilIdle();
      expect([await total(r.id, 'C7'), await total(r.id, 'D7'), await total(r.id, 'kelurahan')]).toEqual([
        0, 1, 8,
      ]);
      expect((await backfillJobs()).every((j) => j.state === 'done')).toBe(true);
    });

    it('a fill gives way to a waiting upload: it stops, queues itself again behind it, then finishes', async () => {
      const d = await s.dataset();
      const r = await resultOf<{ id: string }>(
        s.upload('resource_create', { package_id: d.id }, 'desa.csv', csv('E')),
      );
      expect(await runner.runOne()).toBe(true);
      const { version_id } = await s.status(r.id);
      // An upload arrives while the fill waits: the fill stops after its first chunk.
      const d2 = await s.dataset();
      const r2 = await resultOf<{ id: string }>(
        s.upload('resource_create', { package_id: d2.id }, 'desa.csv', csv('F')),
      );
      const ctx = {
        db: t.database.db,
        driver: t.kind,
        signal: new AbortController().signal,
        heartbeat: async () => {},
      } as unknown as JobContext;
      await fullTextBackfillHandler.run({}, ctx);
      expect(await hasFullTextColumn(t.database.db, versionTableName(version_id))).toBe(false);
      expect((await backfillJobs()).filter((j) => j.state === 'queued').length).toBeGreaterThan(0);
      await runner.runUntilIdle();
      expect((await s.status(r2.id)).state).toBe('complete');
      expect(await hasFullTextColumn(t.database.db, versionTableName(version_id))).toBe(true);
      expect(
        await hasFullTextColumn(t.database.db, versionTableName((await s.status(r2.id)).version_id)),
      ).toBe(true);
      expect(await total(r.id, 'E7')).toBe(1);
    });
  });
}
