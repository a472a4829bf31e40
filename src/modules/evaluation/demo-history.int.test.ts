import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { SYSTEM_ACTOR } from '../../kernel/access/system-actor.js';
import { assessmentView } from './assessment-view.js';
import { seedEvaluationDemo } from './demo-history.js';
import { performance } from './evaluation.js';

const NOW = new Date('2026-06-15T03:00:00Z');

for (const kind of DIALECTS) {
  describe(`${seedEvaluationDemo.name} on ${kind}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      const db = t.database.db;
      const agency = await buildAgency(t.database, { name: 'Dinas Demo Evaluasi' });
      await db
        .insertInto('dataset')
        .values({
          name: 'data-demo-evaluasi',
          title: 'Data Demo',
          agency_id: agency.id,
          private: false,
          state: 'active',
          extras: '{}',
        })
        .execute();
      const tpi = (await buildUser(t.database, { roles: ['custodian'] })).actor;
      const bps = (await buildUser(t.database, { roles: ['supervisor'] })).actor;
      const leader = (await buildUser(t.database, { roles: ['leader'] })).actor;
      await seedEvaluationDemo(
        { db, actor: SYSTEM_ACTOR, requestId: 'test', ip: null },
        { tpi, bps, leader },
        NOW,
      );
    });
    afterAll(() => t?.drop());

    it("last year's assessment is complete and verified, three levels adjusted by BPS, its report approved", async () => {
      const db = t.database.db;
      const v = await assessmentView(db, 2025, (p) => p);
      expect(v.state).toBe('verified');
      expect(v.index.filled).toBe(38);
      expect(v.verified).toBe(38);
      expect(
        [...v.indicators.values()].filter((i) => i.verifyOutcome === 'adjust').map((i) => i.code),
      ).toEqual(['10301', '30201', '40302']);
      expect(v.index.overall).toBeGreaterThan(1.5);
      expect(v.index.overall).toBeLessThan(2.5);
      const report = await db.selectFrom('evaluation_report').selectAll().where('year', '=', 2025).execute();
      expect(report.map((r) => r.state)).toEqual(['approved']);
    });

    it("this year's assessment is in progress: proposals taken with their evidence, 40304 left open, none verified", async () => {
      const v = await assessmentView(t.database.db, 2026, (p) => p);
      expect(v.state).toBe('draft');
      expect(v.verified).toBe(0);
      const taken = [...v.indicators.values()].filter((i) => i.level !== null);
      expect(taken.length).toBeGreaterThan(0);
      for (const i of taken) expect(i.level).toBe(i.proposal?.level);
      expect(v.indicators.get('40304')?.level).toBeNull();
      expect(v.previousIndex?.overall).toBeCloseTo(
        (await assessmentView(t.database.db, 2025, (p) => p)).index.overall as number,
        9,
      );
    });

    it('a year of portal use up to today, counted per day, is on the performance page', async () => {
      const db = t.database.db;
      const days = await db
        .selectFrom('portal_usage')
        .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
        .executeTakeFirstOrThrow();
      const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);
      expect([iso(days.first), iso(days.last)]).toEqual(['2025-06-15', '2026-06-15']);
      const p = await performance(db, { year: 2026, now: NOW });
      expect(p.usage.map((u) => u.month)).toEqual([
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
      ]);
      expect(p.usage.every((u) => u.views > 0)).toBe(true);
    });
  });
}
