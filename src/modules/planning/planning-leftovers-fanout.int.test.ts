/**
 * Issue #13 leftovers on both engines: an enacted list fans the collection step out to its agencies
 * (Central Java step 6, Magetan step 2b). Set-up: planning-leftovers.fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import {
  regionWorkflowSet,
  workflowDefinitionShow,
} from '../workflows/actions/workflow-definition-actions.js';
import { JAWA_TENGAH_FORUM_DATA, MAGETAN_STATISTIK_SEKTORAL } from '../workflows/domain/presets/index.js';
import { insertSubject, startInstance } from '../workflows/index.js';
import { leftoversWorld } from './planning-leftovers.fixture.js';

for (const kind of DIALECTS) {
  describe(`planning leftovers on ${kind}`, () => {
    const w = leftoversWorld(kind);

    it('Central Java step 6 fans out: one collection task per agency of the enacted list', async () => {
      const { t, agencies, idle, custodian, as, enactOverThree, openTasks } = w;
      const admin = (await buildUser(t.database, { roles: ['administrator'] })).actor;
      const stored = (await executeAction(as(admin), workflowDefinitionShow, {
        key: JAWA_TENGAH_FORUM_DATA.key,
      })) as { id: string };
      await executeAction(as(admin), regionWorkflowSet, {
        process_kind: 'data_list_cycle',
        definition_id: stored.id,
      });
      const enacted = await enactOverThree(2050, custodian);
      const open = await openTasks(enacted.instance_id as string);
      expect(open.map((x) => x.step_id)).toEqual([
        'collect_process_analyse',
        'collect_process_analyse',
        'collect_process_analyse',
      ]);
      expect(open.map((x) => x.agency_id).sort()).toEqual(agencies.map((a) => a.id).sort());
      // One agency's data in does not open the forum: it waits for the other two.
      await executeAction(as(custodian), taskComplete, {
        id: open[0]?.id,
        outcome: 'done',
        note: 'Data masuk',
      });
      const after = await openTasks(enacted.instance_id as string);
      expect(after.map((x) => x.step_id)).toEqual(['collect_process_analyse', 'collect_process_analyse']);
      expect(after.map((x) => x.agency_id)).not.toContain(idle.id);
    });

    it('Magetan step 2b fans out only to the agencies with rows in the agreed list', async () => {
      const { t, agencies, as, enactOverThree, openTasks } = w;
      const secretariat = (await buildUser(t.database, { roles: ['secretariat'] })).actor;
      const supervisor = (await buildUser(t.database, { roles: ['supervisor'] })).actor;
      const year = 2051;
      // The year's cycle run of Magetan's SOP waits at step 1b (agreeing the list).
      const run = await mutate(as(secretariat), async (trx, audit) => {
        const subject = await insertSubject(trx, {
          kind: 'data_list_cycle',
          title: `Daftar Data ${year}`,
          year,
          agency_id: null,
          created_by: secretariat.userId,
        });
        return startInstance(
          {
            trx,
            audit,
            actor: secretariat,
            calendar: defaultWorkingCalendar(),
            now: new Date(),
            siteUrl: '',
          },
          {
            definitionId: null,
            definition: MAGETAN_STATISTIK_SEKTORAL,
            subjectType: 'data_list_cycle',
            subjectId: subject.id,
            subjectTitle: `Daftar Data ${year}`,
            agencyId: null,
            atStep: 'agree_data_list',
          },
        );
      });
      await enactOverThree(year, secretariat);
      const [recommend] = await openTasks(run.instance.id);
      expect(recommend?.step_id).toBe('recommend_collection');
      await executeAction(as(supervisor), taskComplete, {
        id: recommend?.id,
        outcome: 'done',
        note: 'Rekomendasi',
      });
      const collect = await openTasks(run.instance.id);
      expect(collect.map((x) => x.step_id)).toEqual(['collect_data', 'collect_data', 'collect_data']);
      expect(collect.map((x) => x.agency_id).sort()).toEqual(agencies.map((a) => a.id).sort());
    });
  });
}
