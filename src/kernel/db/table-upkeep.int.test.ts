/**
 * The embedded database's vacuum (table-upkeep.ts): PGlite has no autovacuum workers, so the
 * server vacuums the table most in need, one per step, and never one larger than its bound.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { upkeepStep } from './table-upkeep.js';
import { deadRows } from './table-upkeep.repository.js';

/** Statistics reach the views a moment after the transaction (at most a second, then idle). */
async function untilDeadRows(t: TestDatabase, table: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const dead = await deadRows(t.database.db, table);
    if (dead > 0) return dead;
    await new Promise((r) => setTimeout(r, 200));
  }
  return 0;
}

for (const kind of DIALECTS) {
  describe(`table upkeep on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      const db = t.database.db;
      // Kept from PostgreSQL's own autovacuum, which would otherwise race this test.
      await sql`create table upkeep_probe (id int primary key, v text) with (autovacuum_enabled = false)`.execute(
        db,
      );
      await sql`insert into upkeep_probe select g, md5(g::text) from generate_series(1, 2000) g`.execute(db);
      for (let i = 0; i < 5; i++) await sql`update upkeep_probe set v = v || 'x'`.execute(db);
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('leaves a table larger than the bound alone and says so', async () => {
      expect(await untilDeadRows(t, 'upkeep_probe')).toBeGreaterThan(1000);
      const told: { table: string; outcome: string }[] = [];
      expect(await upkeepStep(t.database.db, { maxBytes: 0, log: (e) => told.push(e) })).toBeUndefined();
      expect(told).toContainEqual({ table: 'public.upkeep_probe', outcome: 'too_large' });
      expect(await deadRows(t.database.db, 'upkeep_probe')).toBeGreaterThan(1000);
    });

    it('vacuums the table with the most dead rows first, removing them', async () => {
      const told: { table: string; outcome: string }[] = [];
      expect(await upkeepStep(t.database.db, { log: (e) => told.push(e) })).toBe('public.upkeep_probe');
      expect(told[0]).toMatchObject({ table: 'public.upkeep_probe', outcome: 'vacuumed' });
      expect(await deadRows(t.database.db, 'upkeep_probe')).toBe(0);
    });
  });
}
