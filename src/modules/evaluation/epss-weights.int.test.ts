import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { correctEpssWeights } from '../../kernel/db/migrations/0030-evaluation-usage-weights.js';
import { computeIndex } from './domain/epss.js';
import { loadStructure } from './epss.repository.js';

for (const kind of DIALECTS) {
  describe(`EPSS weights after migration 0030 on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
    });
    afterAll(() => t?.drop());

    const weights = async () => {
      const s = await loadStructure(t.database.db);
      return {
        domains: s.map((d) => d.weight),
        aspect: (c: string) => s.flatMap((d) => d.aspects).find((a) => a.code === c)?.weight ?? null,
        indicator: (c: string) =>
          s.flatMap((d) => d.aspects.flatMap((a) => a.indicators)).find((x) => x.code === c)?.weight ?? null,
        structure: s,
      };
    };

    it("the stored worksheet carries BPS's weights: domains 28/24/19/17/12, unequal aspects and indicators", async () => {
      const w = await weights();
      expect(w.domains).toEqual([28, 24, 19, 17, 12]);
      expect(['201', '202', '301', '402', '501'].map(w.aspect)).toEqual([21, 16, 32, 30, 34]);
      expect(['20101', '20102', '30103', '40101', '50201'].map(w.indicator)).toEqual([60, 40, 34, 25, 100]);
      // Every indicator at level 1 but 10101 at 5: the index rises by 4 × 7 % of it.
      const levels = new Map(
        w.structure.flatMap((d) =>
          d.aspects.flatMap((a) => a.indicators.map((x) => [x.code, 1 as number] as const)),
        ),
      );
      levels.set('10101', 5);
      expect(computeIndex(w.structure, levels).overall).toBeCloseTo(1.28, 9);
    });

    it('corrects a worksheet as the first seed left it, but keeps a weight the region edited', async () => {
      const db = t.database.db;
      // As 0022 first seeded it: domains 4 and 5 at 15/14, aspects outside domain 3 and all
      // indicators empty; the region had set domain 5 to 20 and indicator 50201 to 100 itself.
      await db.updateTable('epss_domain').set({ weight: 15 }).where('code', '=', '4').execute();
      await db.updateTable('epss_domain').set({ weight: 20 }).where('code', '=', '5').execute();
      await db.updateTable('epss_aspect').set({ weight: null }).where('domain_code', '<>', '3').execute();
      await db.updateTable('epss_indicator').set({ weight: null }).where('code', '<>', '50201').execute();
      await correctEpssWeights(db);
      const w = await weights();
      expect(w.domains).toEqual([28, 24, 19, 17, 20]);
      expect(w.aspect('202')).toBe(16);
      expect(w.indicator('20101')).toBe(60);
      expect(w.indicator('50201')).toBe(100);
    });
  });
}
