import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { correctEpssWeights } from '../../kernel/db/migrations/0030-evaluation-usage-weights.js';
import { NotAuthorizedError, NotFoundError, ValidationError } from '../../kernel/errors.js';
import { epssStructureUpdate } from './actions/epss-structure-update.js';
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

  describe(`epss_structure_update on ${kind}`, () => {
    let t: TestDatabase;
    let admin: Actor;
    let custodian: Actor;
    const update = (actor: Actor, changes: Record<string, unknown>[]) =>
      executeAction({ db: t.database.db, actor, requestId: null, ip: null }, epssStructureUpdate, {
        changes,
      });
    const domainWeights = async () => (await loadStructure(t.database.db)).map((d) => d.weight);

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      admin = (await buildUser(t.database, { roles: ['administrator'] })).actor;
      custodian = (await buildUser(t.database, { roles: ['custodian'] })).actor;
    });
    afterAll(() => t?.drop());

    it('moves weight between domains and renames an indicator, audited with what it was', async () => {
      const r = await update(admin, [
        { level: 'domain', code: '4', weight: 15 },
        { level: 'domain', code: '5', weight: 14 },
        { level: 'indicator', code: '50303', name_id: 'Pemanfaatan Big Data dan Sumber Data Baru' },
      ]);
      expect(r.changes).toHaveLength(3);
      expect(await domainWeights()).toEqual([28, 24, 19, 15, 14]);
      const s = await loadStructure(t.database.db);
      const x = s.flatMap((d) => d.aspects.flatMap((a) => a.indicators)).find((i) => i.code === '50303');
      expect(x?.name.id).toBe('Pemanfaatan Big Data dan Sumber Data Baru');
      expect(x?.weight).toBe(34);
      const audits = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'epss_structure_update')
        .orderBy('id')
        .execute();
      expect(audits).toHaveLength(3);
      expect(audits[0]?.summary).toMatchObject({ code: '4', before: { weight: 17 }, after: { weight: 15 } });
    });

    it('refuses weights that no longer add up to 100, and changes nothing', async () => {
      await expect(update(admin, [{ level: 'domain', code: '1', weight: 30 }])).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(update(admin, [{ level: 'indicator', code: '20101', weight: 70 }])).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(update(admin, [{ level: 'domain', code: '1', weight: null }])).rejects.toBeInstanceOf(
        ValidationError,
      );
      expect(await domainWeights()).toEqual([28, 24, 19, 15, 14]);
      // An empty indicator weight shares what its siblings leave: 20101 empty beside 20102 at 40.
      await update(admin, [{ level: 'indicator', code: '20101', weight: null }]);
      const s = await loadStructure(t.database.db);
      expect(s[1]?.aspects[0]?.indicators.map((i) => i.weight)).toEqual([null, 40]);
    });

    it("is the administrator's alone, and an unknown code is not found", async () => {
      await expect(update(custodian, [{ level: 'domain', code: '1', weight: 28 }])).rejects.toBeInstanceOf(
        NotAuthorizedError,
      );
      await expect(update(admin, [{ level: 'aspect', code: '999', weight: 10 }])).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });
  });
}
