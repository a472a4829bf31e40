import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { searchDatasets } from './dataset-search.repository.js';
import { PUBLIC_VISIBILITY } from './dataset-search-where.repository.js';

/**
 * On PostgreSQL the search statement is a named prepared statement of each connection, parsed
 * and planned once (kernel/db/database.ts, PREPARED_MARK); PGlite runs it as written.
 */
for (const kind of DIALECTS) {
  describe(`the search statement (${searchDatasets.name}) on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(() => t?.drop());

    const request = (text: string) => ({
      clauses: [],
      text,
      sort: [{ key: 'score' as const, dir: 'desc' as const }],
      rows: 10,
      start: 0,
      visibility: PUBLIC_VISIBILITY,
      facetFields: ['organization' as const, 'tags' as const],
      facetLimit: 50,
      facetMinCount: 1,
    });

    it('answers the same through one connection whatever the words, prepared once on PostgreSQL', async () => {
      await t.database.db.connection().execute(async (c) => {
        for (const word of ['penduduk', 'sekolah', 'penduduk'])
          expect(await searchDatasets(c, request(word))).toEqual({
            count: 0,
            ids: [],
            facets: { organization: [], tags: [] },
          });
        if (kind !== 'postgres') return;
        const prepared = await sql<{ n: number }>`
          select count(*)::int as n from pg_prepared_statements where statement like '/* prepared */%'`.execute(
          c,
        );
        expect(prepared.rows[0]?.n).toBe(1);
      });
    });
  });
}
