/**
 * An enacted data list on both engines: the collection fan-out per agency, a producer linking its
 * dataset to its row, and what the public sees. Set-up: planning.fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import {
  regionWorkflowSet,
  workflowDefinitionShow,
} from '../workflows/actions/workflow-definition-actions.js';
import { MALUKU_UTARA_PENGUMPULAN_DISEMINASI } from '../workflows/domain/presets/index.js';
import { forumDecisionRecord, forumMeetingCreate } from './actions/forum.js';
import { dataListItemCreate, dataListItemLink } from './actions/items.js';
import { dataListShow } from './actions/list.js';
import { dataListEnact, planningRecordGenerate } from './actions/records.js';
import { planningFigures } from './figures.js';
import { planningWorld } from './planning.fixture.js';

for (const kind of DIALECTS) {
  describe(`planning on ${kind}`, () => {
    const w = planningWorld(kind);

    it('fan-out: an enacted list over three agencies opens exactly one collection task per agency; one return touches no other', async () => {
      const { t, agencies, custodian, producers, admin, as } = w;
      // The region runs North Maluku's SOP for its data-list cycle: step 1 requests, step 2 fans out.
      const stored = (await executeAction(as(admin), workflowDefinitionShow, {
        key: MALUKU_UTARA_PENGUMPULAN_DISEMINASI.key,
      })) as { id: string };
      await executeAction(as(admin), regionWorkflowSet, {
        process_kind: 'data_list_cycle',
        definition_id: stored?.id,
      });
      const year = 2034;
      const ids: string[] = [];
      for (const [n, a] of agencies.entries()) {
        const r = await executeAction(as(custodian), dataListItemCreate, {
          year,
          id_ddd: `7.0${n}`,
          data_name: `Data ${n}`,
          kind: 'statistik',
          agency_id: a.id,
          risk_class: 'terbuka',
          update_schedule: n === 0 ? 'triwulanan' : 'tahunan',
        });
        ids.push(r.id);
      }
      const m = await executeAction(as(custodian), forumMeetingCreate, {
        year,
        title: 'Forum 2034',
        held_on: '2033-11-01',
      });
      for (const id of ids)
        await executeAction(as(custodian), forumDecisionRecord, {
          meeting_id: m.id,
          item_id: id,
          decision: 'agreed',
        });
      await executeAction(as(custodian), planningRecordGenerate, {
        year,
        kind: 'berita_acara',
        meeting_id: m.id,
      });
      const enacted = await executeAction(as(custodian), dataListEnact, { year, decree_number: '100/2034' });
      expect(enacted).toMatchObject({ status: 'enacted', agencies: 3 });
      const tasks = () =>
        t.database.db
          .selectFrom('workflow_task')
          .select(['id', 'step_id', 'agency_id', 'state'])
          .where('instance_id', '=', enacted.instance_id as string)
          .orderBy('opened_at')
          .execute();
      const open = (await tasks()).filter((x) => x.state === 'open');
      expect(open.map((x) => x.step_id)).toEqual(['receive_data', 'receive_data', 'receive_data']);
      expect(open.map((x) => x.agency_id).sort()).toEqual(agencies.map((a) => a.id).sort());
      // Obligations per period: quarterly → 4, yearly → 1 each.
      const owed = await t.database.db
        .selectFrom('data_list_obligation')
        .select('agency_id')
        .where('item_id', 'in', ids)
        .execute();
      expect(owed).toHaveLength(6);
      // Agency 0 hands in; the custodian returns it as incomplete: only agency 0's task reopens.
      const lane0 = open.find((x) => x.agency_id === agencies[0]?.id);
      await executeAction(as(producers[0] as Actor), taskComplete, {
        id: lane0?.id,
        outcome: 'done',
        note: 'Data diserahkan',
      });
      const check0 = (await tasks()).find((x) => x.state === 'open' && x.step_id === 'check_completeness');
      expect(check0?.agency_id).toBe(agencies[0]?.id);
      await executeAction(as(custodian), taskComplete, {
        id: check0?.id,
        outcome: 'incomplete',
        note: 'Metadata kurang',
      });
      const after = (await tasks()).filter((x) => x.state === 'open');
      expect(after.map((x) => [x.step_id, x.agency_id]).sort()).toEqual(
        agencies.map((a) => ['receive_data', a.id]).sort(),
      );
      // The other two agencies' tasks are the very same tasks as before the return.
      for (const a of agencies.slice(1))
        expect(after.find((x) => x.agency_id === a.id)?.id).toBe(open.find((x) => x.agency_id === a.id)?.id);
      // The enacted list is frozen.
      await expect(
        executeAction(as(custodian), dataListItemCreate, {
          year,
          id_ddd: '7.99',
          data_name: 'Terlambat',
          kind: 'statistik',
          agency_id: agencies[0]?.id,
          risk_class: 'terbuka',
          update_schedule: 'tahunan',
        }),
      ).rejects.toThrow(/ditetapkan|enacted/);
      const figures = await planningFigures(t.database.db, { year, today: '2034-04-15' });
      expect(figures.status).toBe('enacted');
      expect(figures.agencies.map((x) => [x.items, x.fulfilled, x.overdue])).toEqual([
        [1, 0, 1],
        [1, 0, 0],
        [1, 0, 0],
      ]);
      expect(await planningFigures(t.database.db, { year, agencyId: agencies[1]?.id })).toMatchObject({
        agencies: [expect.objectContaining({ agencyId: agencies[1]?.id, items: 1 })],
      });
    });

    it('a producer links its dataset to its item; another agency may not', async () => {
      const { t, agencies, custodian, producers, as } = w;
      const show = await executeAction(as(custodian), dataListShow, { year: 2034 });
      const item = (show.items as unknown as { id: string; agency_id: string }[]).find(
        (i) => i.agency_id === agencies[0]?.id,
      );
      await t.database.db
        .insertInto('dataset')
        .values({
          name: 'puskesmas-2034',
          title: 'Puskesmas 2034',
          agency_id: agencies[0]?.id as string,
          state: 'active',
        })
        .execute();
      await expect(
        executeAction(as(producers[1] as Actor), dataListItemLink, {
          id: item?.id,
          dataset: 'puskesmas-2034',
        }),
      ).rejects.toThrow();
      await executeAction(as(producers[0] as Actor), dataListItemLink, {
        id: item?.id,
        dataset: 'puskesmas-2034',
      });
      const again = await executeAction(as(custodian), dataListShow, { year: 2034 });
      expect(
        (again.items as unknown as { id: string; datasets: { name: string }[] }[]).find(
          (i) => i.id === item?.id,
        )?.datasets,
      ).toEqual([{ name: 'puskesmas-2034', title: 'Puskesmas 2034' }]);
    });

    it('the public sees only enacted lists and their open rows', async () => {
      const { as, anonymous, custodian, agencies } = w;
      // A list being drafted (not enacted) is not public.
      await executeAction(as(custodian), dataListItemCreate, {
        year: 2030,
        id_ddd: '9.01',
        data_name: 'Data rancangan',
        kind: 'statistik',
        agency_id: agencies[0]?.id ?? '',
        risk_class: 'terbuka',
        update_schedule: 'tahunan',
      });
      expect((await executeAction(as(custodian), dataListShow, { year: 2030 })).items).toHaveLength(1);
      await expect(executeAction(as(anonymous), dataListShow, { year: 2030 })).rejects.toThrow(
        /tidak ditemukan|No data list/,
      );
      const shown = await executeAction(as(anonymous), dataListShow, { year: 2034 });
      expect(shown.items).toHaveLength(3);
    });
  });
}
