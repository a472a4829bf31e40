/**
 * Issue #16 item 3: the yearly evaluation's coordination meeting is recorded like a Forum Satu
 * Data meeting (planning's forum_meeting, purpose 'evaluation', migration 0041). Its minutes do
 * not close the data-list run's forum step; a data-list forum's minutes still do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvaluationFixture,
  type EvaluationFixture,
} from '../../../test/support/evaluation-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { forumMeetingCreate, forumMinutesRecord } from '../planning/actions/forum.js';
import { planningFigures } from '../planning/index.js';
import { JEMBER_PERENCANAAN_PENYELENGGARAAN as JEMBER } from '../workflows/domain/presets/index.js';
import { insertSubject, startInstance } from '../workflows/index.js';

const YEAR = 2031;

for (const kind of DIALECTS) {
  describe(`the evaluation's coordination meeting on ${kind}`, () => {
    let f: EvaluationFixture;
    let runId: string;
    beforeAll(async () => {
      f = await createEvaluationFixture(kind);
      // The year's data-list cycle run, waiting at the forum step.
      runId = await mutate(f.as(f.secretariat), async (trx, audit) => {
        const subject = await insertSubject(trx, {
          kind: 'data_list_cycle',
          title: `Daftar data ${YEAR}`,
          year: YEAR,
          agency_id: null,
          created_by: f.secretariat.userId,
        });
        const env = {
          trx,
          audit,
          actor: f.secretariat,
          calendar: defaultWorkingCalendar(),
          now: new Date(),
          siteUrl: '',
        };
        const started = await startInstance(env, {
          definitionId: null,
          definition: JEMBER,
          subjectType: 'data_list_cycle',
          subjectId: subject.id,
          subjectTitle: `Daftar data ${YEAR}`,
          agencyId: null,
          atStep: 'forum_data_list',
        });
        return started.instance.id;
      });
    });
    afterAll(() => f?.t.drop());

    const openSteps = async () =>
      (
        await f.t.database.db
          .selectFrom('workflow_task')
          .select('step_id')
          .where('instance_id', '=', runId)
          .where('state', '=', 'open')
          .execute()
      ).map((r) => r.step_id);

    it("records the meeting with agenda, invitees and minutes, and leaves the data-list run's forum step open", async () => {
      const as = f.as(f.custodian);
      const m = await executeAction(as, forumMeetingCreate, {
        year: YEAR,
        title: `Rapat Koordinasi Evaluasi Satu Data ${YEAR}`,
        held_on: `${YEAR}-12-10`,
        agenda: 'Evaluasi kinerja penyelenggaraan Satu Data',
        invitees: 'BPS\nBappeda\nDinas Kominfo',
        purpose: 'evaluation',
      });
      const r = await executeAction(as, forumMinutesRecord, {
        id: m.id,
        minutes: 'Rapat menilai capaian tahun ini dan menyepakati rekomendasi.',
        attendance: 'BPS\nBappeda',
      });
      expect(r.cycle_steps_completed).toBe(0);
      expect(await openSteps()).toEqual(['forum_data_list']);
      const stored = await f.t.database.db
        .selectFrom('forum_meeting')
        .select(['purpose', 'minutes', 'attendance'])
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ purpose: 'evaluation', attendance: ['BPS', 'Bappeda'] });
      // Not a forum meeting on the data list: neither on its page nor in its EPSS 40302 evidence.
      const figures = await planningFigures(f.t.database.db, { year: YEAR });
      expect(figures.meetings.map((x) => x.id)).not.toContain(m.id);
    });

    it("a data-list forum's minutes still close the forum step", async () => {
      const as = f.as(f.secretariat);
      const m = await executeAction(as, forumMeetingCreate, {
        year: YEAR,
        title: `Forum Satu Data ${YEAR}`,
        held_on: `${YEAR - 1}-11-20`,
      });
      const r = await executeAction(as, forumMinutesRecord, {
        id: m.id,
        minutes: 'Forum menyepakati daftar data tahun ini.',
      });
      expect(r.cycle_steps_completed).toBe(1);
      expect(await openSteps()).not.toContain('forum_data_list');
    });
  });
}
