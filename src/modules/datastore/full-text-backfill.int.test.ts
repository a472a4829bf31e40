/**
 * Issue 11, finding 2, for data loaded before the fix: a table without `_full_text` gets the
 * column and its GIN index from the backfill job queued at start, and `q` then uses it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAction, resultOf } from '../../../test/support/catalog-fixtures.js';
import {
  createDatastoreTable,
  type DatastoreFixture,
  POPULATION_ROWS,
  POPULATION_SCHEMA,
} from '../../../test/support/datastore-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { JobContext } from '../../kernel/jobs/job-handler.js';
import { fullTextBackfillHandler } from './full-text-backfill.handler.js';
import { FULL_TEXT_BACKFILL_JOB, fullTextBackfillStartup } from './full-text-backfill.js';
import { hasFullTextColumn, versionsWithoutFullText } from './version-table.repository.js';

for (const kind of DIALECTS) {
  describe(`full-text backfill of old datastore tables on ${kind}`, () => {
    let t: TestApp;
    let old: DatastoreFixture;

    beforeAll(async () => {
      t = await createTestApp(kind);
      old = await createDatastoreTable(t.database, POPULATION_SCHEMA, POPULATION_ROWS);
      // As a table loaded before issue 11 was: no `_full_text`, no index.
      await sql`alter table ${sql.id('datastore', old.tableName)} drop column _full_text`.execute(
        t.database.db,
      );
    }, 120_000);
    afterAll(async () => t?.close());

    const queued = async () =>
      (
        await t.database.db
          .selectFrom('job')
          .select('id')
          .where('kind', '=', FULL_TEXT_BACKFILL_JOB.kind)
          .where('state', '=', 'queued')
          .execute()
      ).length;

    it('queues one backfill at start when an old table exists, and not a second on the next start', async () => {
      expect((await versionsWithoutFullText(t.database.db)).map((v) => v.versionId)).toContain(old.versionId);
      await fullTextBackfillStartup(t.app, { database: t.database } as never);
      await fullTextBackfillStartup(t.app, { database: t.database } as never);
      expect(await queued()).toBe(1);
    });

    it('gives the table its column and index; searching with q finds the same rows', async () => {
      const search = async () =>
        (
          await resultOf<{ records: Record<string, unknown>[] }>(
            callAction(t.app, 'datastore_search', { query: { resource_id: old.resourceId, q: 'Poncol' } }),
          )
        ).records.length;
      const before = await search();
      expect(before).toBeGreaterThan(0);
      const ctx = {
        db: t.database.db,
        signal: new AbortController().signal,
        heartbeat: async () => {},
      } as unknown as JobContext;
      await fullTextBackfillHandler.run({}, ctx);
      expect(await hasFullTextColumn(t.database.db, old.tableName)).toBe(true);
      expect(await versionsWithoutFullText(t.database.db)).toEqual([]);
      const indexes = await sql<{ indexdef: string }>`
        select indexdef from pg_indexes where schemaname = 'datastore' and tablename = ${old.tableName}`.execute(
        t.database.db,
      );
      expect(indexes.rows.some((r) => /gin \(_full_text\)/.test(r.indexdef))).toBe(true);
      expect(await search()).toBe(before);
    });
  });
}
