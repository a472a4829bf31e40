/**
 * Whole-catalog figures kept while the catalog's stamps hold (stamped-memo.ts): read again as
 * soon as a commit moves the stamps, never kept from inside a transaction, and kept apart per
 * database.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { memoByCatalogStamps } from './stamped-memo.js';

for (const kind of DIALECTS) {
  describe(`figures kept by the catalog's stamps on ${kind}`, () => {
    let t: TestDatabase;
    let other: TestDatabase;
    beforeAll(async () => {
      [t, other] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
    });
    afterAll(async () => {
      await t?.drop();
      await other?.drop();
    });

    it('reads once while the stamps hold, again after a commit moves them, and never keeps a transaction’s', async () => {
      let reads = 0;
      const count = memoByCatalogStamps(async (db) => {
        reads++;
        const r = await sql<{ n: number }>`select count(*)::int as n from site_setting`.execute(db);
        return r.rows[0]?.n ?? 0;
      });
      const db = t.database.db;
      const before = await count(db);
      expect(await count(db)).toBe(before);
      expect(reads).toBe(1);

      // A site setting bumps the content stamp at commit (migration 0033).
      await sql`insert into site_setting (key, value) values ('memo_probe', '"x"'::jsonb)`.execute(db);
      expect(await count(db)).toBe(before + 1);
      expect(reads).toBe(2);

      await db.transaction().execute(async (trx) => {
        await sql`delete from site_setting where key = 'memo_probe'`.execute(trx);
        expect(await count(trx)).toBe(before);
        expect(reads).toBe(3);
      });
      expect(await count(db)).toBe(before);
      expect(reads).toBe(4);

      // Another database with the same stamps has figures of its own.
      await count(other.database.db);
      expect(reads).toBe(5);
    });
  });
}
