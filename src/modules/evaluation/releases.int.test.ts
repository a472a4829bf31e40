import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../../test/factories/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import { proposeLevels } from './domain/proposals.js';
import { performance } from './evaluation.js';
import { evaluationFacts } from './evaluation-facts.js';
import { figureRows } from './export.js';
import { releaseRows } from './releases.repository.js';

/**
 * Publication punctuality from dissemination's release calendar: four publications planned in
 * 2026 (WIB), published on the day, the day after, not at all, and planned for later; one
 * planned in 2025. The clock is fixed at 15 June 2026.
 */
const NOW = new Date('2026-06-15T03:00:00Z');
const at = (s: string) => new Date(`${s}+07:00`);

for (const kind of DIALECTS) {
  describe(`${releaseRows.name} on ${kind}`, () => {
    let t: TestDatabase;
    let agencyA: { id: string; name: string };
    let agencyB: { id: string; name: string };

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      const db = t.database.db;
      agencyA = await buildAgency(t.database, { name: 'Dinas Rilis A' });
      agencyB = await buildAgency(t.database, { name: 'Dinas Rilis B' });
      const publication = async (
        name: string,
        agencyId: string,
        planned: string,
        published: string | null,
      ) => {
        const run = await db
          .insertInto('workflow_instance')
          .values({
            definition_key: 'diseminasi',
            definition_version: 1,
            definition: JSON.stringify({ key: 'diseminasi', steps: [{ id: 'upload' }] }),
            process_kind: 'dissemination',
            subject_type: 'publication',
            subject_id: randomUUID(),
            agency_id: agencyId,
            state: published ? 'completed' : 'running',
            started_at: at('2026-01-05T08:00:00'),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (published)
          await db
            .insertInto('workflow_task')
            .values({
              instance_id: run.id,
              step_id: 'upload',
              role: 'custodian',
              state: 'open',
              opened_at: at(published),
            })
            .execute();
        await db
          .insertInto('publication')
          .values({
            name,
            kind: 'infographic',
            title: `Infografis ${name}`,
            agency_id: agencyId,
            planned_release: planned,
            instance_id: run.id,
            publish_step: 'upload',
          })
          .execute();
      };
      // Published at 23:30 WIB on its day (16:30 UTC): on time in the region's day.
      await publication('tepat', agencyA.id, '2026-03-31', '2026-03-31T23:30:00');
      await publication('telat', agencyA.id, '2026-04-10', '2026-04-13T09:00:00');
      await publication('lewat', agencyB.id, '2026-05-20', null);
      await publication('nanti', agencyB.id, '2026-09-01', null);
      await publication('lama', agencyA.id, '2025-12-31', '2026-01-02T09:00:00');
    });
    afterAll(() => t?.drop());

    it('each release planned in the year with its actual day and status', async () => {
      const p = await performance(t.database.db, { year: 2026, now: NOW });
      expect(
        p.releases.rows.map((r) => [r.name, r.agency_name, r.planned, r.published, r.status, r.days_late]),
      ).toEqual([
        ['tepat', agencyA.name, '2026-03-31', '2026-03-31', 'on_time', 0],
        ['telat', agencyA.name, '2026-04-10', '2026-04-13', 'late', 3],
        ['lewat', agencyB.name, '2026-05-20', null, 'overdue', 26],
        ['nanti', agencyB.name, '2026-09-01', null, 'pending', 0],
      ]);
      expect(p.releases.summary).toEqual({
        met: 1,
        total: 3,
        late: 2,
        pending: 1,
        agenciesMet: 0,
        agenciesTotal: 2,
      });
      expect(figureRows(p, 'rilis')?.rows[1]).toEqual([
        'telat',
        agencyA.name,
        '2026-04-10',
        '2026-04-13',
        'late',
        3,
      ]);
    });

    it('the agency filter narrows it; a year with nothing planned is "not recorded"', async () => {
      const p = await performance(t.database.db, { year: 2026, agencyId: agencyB.id, now: NOW });
      expect(p.releases.rows.map((r) => r.name)).toEqual(['lewat', 'nanti']);
      const none = await performance(t.database.db, { year: 2024, now: NOW });
      expect(none.releases.summary).toBeNull();
    });

    it('EPSS 20302 is proposed from it, with the release calendar as evidence', async () => {
      const facts = await evaluationFacts(t.database.db, 2026, NOW);
      expect(facts.releases).toMatchObject({ met: 1, total: 3 });
      const proposal = proposeLevels(facts, (x) => x).get('20302');
      expect(proposal?.level).toBe(1);
      expect(proposal?.evidence.map((e) => e.value)).toContain('1/3');
    });
  });
}
