import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvaluationFixture,
  type EvaluationFixture,
} from '../../../test/support/evaluation-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { NotAuthorizedError } from '../../kernel/errors.js';
import { sopPerformanceShow } from './actions/evaluation-actions.js';
import type { PerformanceView } from './evaluation.js';
import { figureRows, toCsv } from './export.js';

const step = (p: PerformanceView, key: string, id: string) =>
  p.steps.find((s) => s.definitionKey === key && s.stepId === id);

for (const kind of DIALECTS) {
  describe(`performance figures from a seeded history with known values on ${kind}`, () => {
    let f: EvaluationFixture;
    beforeAll(async () => {
      f = await createEvaluationFixture(kind);
    });
    afterAll(() => f?.t.drop());

    const show = (actor: EvaluationFixture['custodian'], input: Record<string, unknown>) =>
      executeAction(f.as(actor), sopPerformanceShow, input) as Promise<PerformanceView>;

    it('every SOP step: count, median, 90th percentile and share in time of the year', async () => {
      const p = await show(f.custodian, { year: 2026 });
      expect(step(p, 'p1', 'upload')).toMatchObject({
        n: 5,
        medianMinutes: 30,
        p90Minutes: 76,
        withDue: 4,
        inTime: 3,
        inTimeShare: 0.75,
        standard: '1 hari',
        stepTitle: { id: 'Unggah data', en: 'Upload data' },
      });
      expect(step(p, 'p1', 'verify')).toMatchObject({
        n: 5,
        medianMinutes: 90,
        p90Minutes: 138,
        withDue: 5,
        inTime: 5,
        inTimeShare: 1,
      });
      expect(p.steps).toHaveLength(2);
    });

    it('whole processes: completed runs, median and 90th percentile days, all steps in time, within the service standard', async () => {
      const p = await show(f.secretariat, { year: 2026 });
      const p1 = p.processes.find((x) => x.definitionKey === 'p1');
      const p2 = p.processes.find((x) => x.definitionKey === 'p2');
      expect(p1).toMatchObject({ n: 3, allStepsInTime: 1, standardDays: null, withinStandard: null });
      expect(p1?.medianDays).toBeCloseTo(4, 9);
      expect(p1?.p90Days).toBeCloseTo(8.8, 9);
      expect(p2).toMatchObject({ n: 2, allStepsInTime: 2, standardDays: 21, withinStandard: 1 });
      expect(p2?.medianDays).toBeCloseTo(22.5, 9);
      expect(p2?.p90Days).toBeCloseTo(24.5, 9);
    });

    it('verification per agency: submissions, decisions, returns and turnaround', async () => {
      const p = await show(f.leader, { year: 2026 });
      const byName = Object.fromEntries(p.verification.map((v) => [v.agency_name, v]));
      expect(byName[f.agencyA.name]).toMatchObject({
        submissions: 2,
        decisions: 2,
        returns: 1,
        median_minutes: 90,
        p90_minutes: 114,
      });
      expect(byName[f.agencyB.name]).toMatchObject({
        submissions: 1,
        decisions: 3,
        returns: 2,
        median_minutes: 90,
        p90_minutes: 138,
      });
    });

    it("portal use per dataset and month, summed from days of the year in the region's time zone", async () => {
      const p = await show(f.custodian, { year: 2026 });
      expect(p.usage.map((u) => [u.month, u.agency_name, u.views, u.downloads, u.api_calls])).toEqual([
        ['2026-01', f.agencyA.name, 10, 3, 0],
        ['2026-02', f.agencyA.name, 0, 0, 7],
        ['2026-02', f.agencyB.name, 4, 0, 0],
        ['2026-12', f.agencyB.name, 0, 2, 0],
      ]);
    });

    it('the planning and request figures say "not recorded yet" until their modules are wired', async () => {
      const p = await show(f.custodian, { year: 2026 });
      expect(p.planning).toBeNull();
      expect(p.requests).toBeNull();
    });

    it('an agency filter and a topic filter narrow every figure', async () => {
      const topic = await f.t.database.db
        .insertInto('topic')
        .values({ name: 'kesehatan-uji', title: 'Kesehatan' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await f.t.database.db
        .insertInto('dataset_topic')
        .values({ dataset_id: f.datasetA, topic_id: topic.id })
        .execute();
      for (const q of [{ agency_id: f.agencyA.id }, { topic_id: topic.id }]) {
        const p = await show(f.custodian, { year: 2026, ...q });
        expect(step(p, 'p1', 'upload')).toMatchObject({
          n: 4,
          medianMinutes: 25,
          p90Minutes: 37,
          withDue: 4,
          inTime: 3,
        });
        expect(step(p, 'p1', 'verify')).toMatchObject({ n: 2, medianMinutes: 90, p90Minutes: 114 });
        const p1 = p.processes.find((x) => x.definitionKey === 'p1');
        expect(p1?.n).toBe(2);
        expect(p1?.medianDays).toBeCloseTo(3, 9);
        expect(p1?.p90Days).toBeCloseTo(3.8, 9);
        expect(p.processes.find((x) => x.definitionKey === 'p2')).toMatchObject({ n: 1, withinStandard: 1 });
        expect(p.usage.map((u) => u.agency_name)).toEqual([f.agencyA.name, f.agencyA.name]);
      }
    });

    it('a producer sees its own agency only: asked for another agency it is refused', async () => {
      const own = await show(f.producerA, { year: 2026 });
      expect(own.agencyId).toBe(f.agencyA.id);
      expect(step(own, 'p1', 'upload')?.n).toBe(4);
      await expect(show(f.producerA, { year: 2026, agency_id: f.agencyB.id })).rejects.toBeInstanceOf(
        NotAuthorizedError,
      );
      await expect(show(f.admin, { year: 2026 })).rejects.toBeInstanceOf(NotAuthorizedError);
    });

    it('the CSV export carries the same numbers', async () => {
      const p = await show(f.custodian, { year: 2026 });
      const csv = toCsv(figureRows(p, 'langkah') as NonNullable<ReturnType<typeof figureRows>>);
      expect(csv.split(/\r?\n/)[0]).toBe(
        'definition_key,step_id,step_title,standard,tasks_done,median_working_minutes,p90_working_minutes,with_due,in_time,in_time_share',
      );
      expect(csv).toContain('p1,upload,Unggah data,1 hari,5,30,76,4,3,0.75');
      expect(csv).toContain('p1,verify,Periksa data,2 jam,5,90,138,5,5,1');
    });
  });
}
