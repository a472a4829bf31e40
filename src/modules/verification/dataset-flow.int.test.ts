import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../../test/factories/index.js';
import { createFlowFixture, type FlowFixture } from '../../../test/support/flow-fixtures.js';
import { DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { mutate } from '../../kernel/actions/context.js';
import { defaultWorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../kernel/errors.js';
import { packagePatch } from '../catalog/actions/package-patch.js';
import { taskComplete } from '../workflows/actions/task-complete.js';
import { MAGETAN_STATISTIK_SEKTORAL } from '../workflows/domain/presets/magetan-statistik-sektoral.js';
import { startInstance } from '../workflows/engine.js';
import { submissionCreate } from './actions/submission-create.js';
import { datasetPrioritySet } from './actions/submission-priority.js';
import { submissionPublish } from './actions/submission-publish.js';
import { submissionReview } from './actions/submission-review.js';
import { submissionVerify } from './actions/submission-verify.js';
import { allChecked } from './decisions.js';
import { diffSubmissions } from './diff.js';
import { datasetHistory } from './history.js';
import { findSubmission } from './submissions.repository.js';

for (const kind of DIALECTS) {
  describe(`workflow runs: the Magetan dataset flow on ${kind}`, () => {
    let f: FlowFixture;
    let t: TestDatabase;
    let producer: Actor;
    let otherProducer: Actor;
    let custodian: Actor;

    let supervisor: Actor;

    beforeAll(async () => {
      f = await createFlowFixture(kind);
      ({ t, producer, otherProducer, custodian, supervisor } = f);
    });
    afterAll(() => t?.drop());

    const as = (actor: Actor) => f.as(actor);
    const inbox = (actor: Actor) => f.inbox(actor);
    /** A private dataset; `priority` is set by the custodian (a producer may not). */
    async function newDataset(name: string, priority = false) {
      const id = await f.newDataset(name);
      if (priority) {
        await expect(
          executeAction(as(producer), datasetPrioritySet, { id, priority: true }),
        ).rejects.toBeInstanceOf(NotAuthorizedError);
        const set = await executeAction(as(custodian), datasetPrioritySet, { id, priority: 'true' });
        expect(set.priority).toBe(true);
      }
      return id;
    }

    it('walks submit → return → resubmit → approve → (review skipped, not priority) → publish', async () => {
      const id = await newDataset('alur-biasa');
      const s1 = await executeAction(as(producer), submissionCreate, {
        dataset_id: id,
        note: 'Kiriman pertama',
      });
      expect(s1.number).toBe(1);
      expect((await inbox(custodian)).map((e) => e.feature)).toContain('dataset_verify');
      expect(await inbox(producer)).toEqual([]);
      expect(await inbox(supervisor)).toEqual([]);
      // a second submission while it is being checked is refused
      await expect(executeAction(as(producer), submissionCreate, { dataset_id: id })).rejects.toBeInstanceOf(
        ConflictError,
      );
      // a return needs a note
      await expect(
        executeAction(as(custodian), submissionVerify, { id: s1.id, outcome: 'return' }),
      ).rejects.toBeInstanceOf(ValidationError);
      await executeAction(as(custodian), submissionVerify, {
        id: s1.id,
        outcome: 'return',
        note: 'Perbaiki judul',
        checklist: [{ key: 'metadata_complete', met: false, note: 'Judul kurang tahun' }],
        fields: [{ field: 'title', note: 'Tambahkan tahun' }],
        cells: [{ resource: 'data.csv', row: 3, column: 'jumlah', note: 'Nilai negatif' }],
      });
      const mine = await inbox(producer);
      expect(mine.map((e) => e.feature)).toEqual(['dataset_submit']);
      expect(mine.map((e) => e.step)).toEqual(['fix_data']);
      expect(await inbox(custodian)).toEqual([]);
      expect((await findSubmission(t.database.db, s1.id))?.state).toBe('returned');

      await executeAction(as(producer), packagePatch, { id, title: 'Data alur-biasa 2026' });
      const s2 = await executeAction(as(producer), submissionCreate, {
        dataset_id: id,
        note: 'Sudah diperbaiki',
      });
      expect(s2.number).toBe(2);
      const first = await findSubmission(t.database.db, s1.id);
      const second = await findSubmission(t.database.db, s2.id);
      if (!first || !second) throw new Error('submissions kept');
      expect(first.metadata.title).toBe('Data alur-biasa');
      const diff = await diffSubmissions(t.database.db, first, second, {
        actor: custodian,
        agencyId: (
          await t.database.db
            .selectFrom('dataset')
            .select('agency_id')
            .where('id', '=', first.dataset_id)
            .executeTakeFirstOrThrow()
        ).agency_id,
      });
      expect(diff.metadata).toEqual([
        { field: 'title', from: 'Data alur-biasa', to: 'Data alur-biasa 2026' },
      ]);

      await executeAction(as(custodian), submissionVerify, {
        id: s2.id,
        outcome: 'approve',
        checklist: allChecked(),
        note: 'Sesuai SDI',
      });
      expect((await inbox(supervisor)).length).toBe(0);
      expect((await inbox(custodian)).map((e) => e.feature)).toEqual(['dataset_publish']);
      await executeAction(as(custodian), submissionPublish, { id: s2.id, note: 'Terbit' });
      const d = await t.database.db
        .selectFrom('dataset')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(d.private).toBe(false);
      expect(d.state).toBe('active');
      expect(await inbox(custodian)).toEqual([]);

      const history = await datasetHistory(t.database.db, id);
      expect(history.instances).toHaveLength(1);
      expect(history.instances[0]?.state).toBe('completed');
      const steps = history.instances[0]?.tasks.map((x) => `${x.stepId}:${x.outcome}`);
      expect(steps).toEqual([
        'upload_data:done',
        'verify_data:return',
        'fix_data:done',
        'verify_data:approve',
        'review_data:skipped',
        'disseminate_data:done',
      ]);
      expect(history.instances[0]?.tasks[1]?.detail.fields).toEqual([
        { field: 'title', note: 'Tambahkan tahun' },
      ]);
      expect(history.submissions.map((x) => x.state)).toEqual(['returned', 'published']);
    });

    it('priority data always goes to the supervisor, who can return it or recommend it', async () => {
      const id = await newDataset('alur-prioritas', true);
      const s1 = await executeAction(as(producer), submissionCreate, { dataset_id: id });
      await executeAction(as(custodian), submissionVerify, {
        id: s1.id,
        outcome: 'approve',
        checklist: allChecked(),
      });
      expect((await inbox(supervisor)).map((e) => e.feature)).toEqual(['dataset_review']);
      await expect(
        executeAction(as(supervisor), submissionReview, { id: s1.id, outcome: 'approve' }),
      ).rejects.toBeInstanceOf(ValidationError);
      await executeAction(as(supervisor), submissionReview, {
        id: s1.id,
        outcome: 'return',
        note: 'Satuan belum sesuai',
      });
      expect((await inbox(producer)).map((e) => e.feature)).toEqual(['dataset_submit']);
      const s2 = await executeAction(as(producer), submissionCreate, {
        dataset_id: id,
        note: 'Satuan diperbaiki',
      });
      await executeAction(as(custodian), submissionVerify, {
        id: s2.id,
        outcome: 'approve',
        checklist: allChecked(),
      });
      await executeAction(as(supervisor), submissionReview, {
        id: s2.id,
        outcome: 'approve',
        recommendation_number: 'R-35.20/2026/001',
        recommendation_date: '2026-03-02',
      });
      const rec = await findSubmission(t.database.db, s2.id);
      expect(rec?.recommendation_number).toBe('R-35.20/2026/001');
      expect(rec?.recommendation_date).toBe('2026-03-02');
      expect((await inbox(custodian)).map((e) => e.feature)).toEqual(['dataset_publish']);
      await executeAction(as(custodian), submissionPublish, { id: s2.id });
      const history = await datasetHistory(t.database.db, id);
      expect(history.instances[0]?.tasks.map((x) => `${x.stepId}:${x.outcome}`)).toEqual([
        'upload_data:done',
        'verify_data:approve',
        'review_data:return',
        'fix_data:done',
        'verify_data:approve',
        'review_data:recommend',
        'disseminate_data:done',
      ]);
    });

    it('refuses an approval with any checklist item not met, naming the items (issue #17 item 4)', async () => {
      const id = await newDataset('alur-daftar-periksa');
      const s = await executeAction(as(producer), submissionCreate, { dataset_id: id });
      const refused = executeAction(as(custodian), submissionVerify, {
        id: s.id,
        outcome: 'approve',
        checklist: allChecked().map((c) => (c.key === 'reference_codes' ? { ...c, met: null } : c)),
      });
      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toMatchObject({
        fields: {
          checklist: [expect.objectContaining({ id: expect.stringContaining('Kode referensi valid') })],
        },
      });
      expect((await findSubmission(t.database.db, s.id))?.state).toBe('submitted');
      await executeAction(as(custodian), submissionVerify, {
        id: s.id,
        outcome: 'approve',
        checklist: allChecked(),
      });
      const history = await datasetHistory(t.database.db, id);
      const verify = history.instances[0]?.tasks.find((x) => x.stepId === 'verify_data');
      expect(verify?.detail.checklist?.map((c) => `${c.key}:${c.met}`)).toEqual(
        allChecked().map((c) => `${c.key}:true`),
      );
      await executeAction(as(custodian), submissionPublish, { id: s.id });
    });

    it('marking data as priority after approval sends it to the supervisor before publication (issue #17 item 4)', async () => {
      const id = await newDataset('alur-prioritas-terlambat');
      const s = await executeAction(as(producer), submissionCreate, { dataset_id: id });
      await executeAction(as(custodian), submissionVerify, {
        id: s.id,
        outcome: 'approve',
        checklist: allChecked(),
      });
      expect((await inbox(custodian)).map((e) => e.feature)).toEqual(['dataset_publish']);
      const set = await executeAction(as(custodian), datasetPrioritySet, { id, priority: true });
      expect(set.sent_to_review).toBe(true);
      // publishing is no longer possible: the flow waits for the supervisor
      await expect(executeAction(as(custodian), submissionPublish, { id: s.id })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await inbox(custodian)).map((e) => e.feature)).toEqual([]);
      expect((await inbox(supervisor)).map((e) => e.feature)).toEqual(['dataset_review']);
      await executeAction(as(supervisor), submissionReview, {
        id: s.id,
        outcome: 'approve',
        recommendation_number: 'R-35.20/2026/009',
        recommendation_date: '2026-03-09',
      });
      await executeAction(as(custodian), submissionPublish, { id: s.id });
      const history = await datasetHistory(t.database.db, id);
      expect(history.instances[0]?.tasks.map((x) => `${x.stepId}:${x.outcome}`)).toEqual([
        'upload_data:done',
        'verify_data:approve',
        'review_data:skipped',
        'disseminate_data:rerouted',
        'review_data:recommend',
        'disseminate_data:done',
      ]);
      // the skip and the reroute are said in the reader's language, not stored in both
      const skip = history.instances[0]?.tasks.find((x) => x.outcome === 'skipped');
      expect(skip?.note).toBeNull();
      // unmarking and marking again when nothing waits to be published sends nothing
      await executeAction(as(custodian), datasetPrioritySet, { id, priority: false });
      expect(
        (await executeAction(as(custodian), datasetPrioritySet, { id, priority: true })).sent_to_review,
      ).toBe(false);
    });

    it('walks the whole Magetan definition: the cycle run takes steps 1–3 per agency, the dataset run starts at its submission', async () => {
      const secretariat = (await buildUser(t.database, { roles: ['secretariat'] })).actor;
      const id = await newDataset('alur-penuh');
      const agencyId = (
        await t.database.db
          .selectFrom('dataset')
          .select('agency_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).agency_id;
      const cycle = await mutate(as(secretariat), async (trx, audit) =>
        startInstance(
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
            subjectId: '00000000-0000-4000-8000-00000000c1c1',
            subjectTitle: 'Daftar Data 2027',
            agencyId: null,
          },
        ),
      );
      /** The producer's own task of a fan-out step; the other agencies' are answered directly. */
      const ownTask = async (step: string) => {
        const tasks = await t.database.db
          .selectFrom('workflow_task')
          .selectAll()
          .where('instance_id', '=', cycle.instance.id)
          .where('step_id', '=', step)
          .where('state', '=', 'open')
          .execute();
        expect(new Set(tasks.map((x) => x.agency_id)).size).toBe(tasks.length);
        const mine = tasks.find((x) => x.agency_id === agencyId);
        if (!mine) throw new Error(`no ${step} task for the agency`);
        // Step 2b fans out to the agreed list's agencies only: there may be no other lane.
        if (tasks.length > 1)
          await t.database.db
            .updateTable('workflow_task')
            .set({ state: 'done', outcome: 'done', closed_at: new Date() })
            .where(
              'id',
              'in',
              tasks.filter((x) => x !== mine).map((x) => x.id),
            )
            .execute();
        return mine;
      };
      const first = await ownTask('set_data_list');
      expect(first.due_at).not.toBeNull();
      await expect(executeAction(as(producer), taskComplete, { id: first.id })).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(
        executeAction(as(secretariat), taskComplete, { id: first.id, note: 'x' }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      let r = await executeAction(as(producer), taskComplete, {
        id: first.id,
        note: 'Rancangan daftar data',
      });
      expect(r.next_step).toBe('agree_data_list');
      r = await executeAction(as(secretariat), taskComplete, {
        id: r.next_task_id as string,
        // Agreeing the list names the agencies that collect (step 2b fans out to them only).
        agency_ids: [agencyId],
        // What the HTTP layer passes for the request's own uploaded file (never a client's key).
        upload: {
          key: 'resources/00000000-0000-4000-8000-0000000000ba/Berita_Acara.pdf',
          size: 10,
          hash: `sha256:${'0'.repeat(64)}`,
          fileName: 'Berita_Acara.pdf',
        },
      });
      expect(r.next_step).toBe('recommend_collection');
      r = await executeAction(as(supervisor), taskComplete, {
        id: r.next_task_id as string,
        note: 'Surat rekomendasi',
      });
      expect(r.next_step).toBe('collect_data');
      const collect = await ownTask('collect_data');
      await expect(
        executeAction(as(otherProducer), taskComplete, { id: collect.id, note: 'bukan saya' }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      r = await executeAction(as(producer), taskComplete, { id: collect.id, note: 'Data terkumpul' });
      // The cycle run passes over the per-dataset steps: each dataset runs them in its own run.
      expect(r.next_step).toBeNull();
      const ended = await t.database.db
        .selectFrom('workflow_instance')
        .select('state')
        .where('id', '=', cycle.instance.id)
        .executeTakeFirstOrThrow();
      expect(ended.state).toBe('completed');
      const s = await executeAction(as(producer), submissionCreate, { dataset_id: id });
      await executeAction(as(custodian), submissionVerify, {
        id: s.id,
        outcome: 'approve',
        checklist: allChecked(),
      });
      await executeAction(as(custodian), submissionPublish, { id: s.id });
      const history = await datasetHistory(t.database.db, id);
      expect(history.instances[0]?.tasks.map((x) => x.stepId)).toEqual([
        'upload_data',
        'verify_data',
        'review_data',
        'disseminate_data',
      ]);
      expect(history.instances[0]?.state).toBe('completed');
    });
  });
}
