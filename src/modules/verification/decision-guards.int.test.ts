import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowFixture, type FlowFixture } from '../../../test/support/flow-fixtures.js';
import { DIALECTS, type TestDatabase } from '../../../test/support/test-database.js';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../kernel/errors.js';
import { deliverPendingMail, useMailTransport } from '../../kernel/notifications/mailer.js';
import { submissionCreate } from './actions/submission-create.js';
import { submissionPublish } from './actions/submission-publish.js';
import { submissionVerify, submissionVerifyMany } from './actions/submission-verify.js';
import { allChecked } from './decisions.js';

for (const kind of DIALECTS) {
  describe(`workflow runs: guards, bulk approval and notifications on ${kind}`, () => {
    let f: FlowFixture;
    let t: TestDatabase;
    let producer: Actor;
    let otherProducer: Actor;
    let custodian: Actor;
    let custodian2: Actor;
    let supervisor: Actor;

    beforeAll(async () => {
      f = await createFlowFixture(kind);
      ({ t, producer, otherProducer, custodian, custodian2, supervisor } = f);
    });
    afterAll(() => t?.drop());

    const as = (actor: Actor) => f.as(actor);
    const inbox = (actor: Actor) => f.inbox(actor);
    const newDataset = (name: string) => f.newDataset(name);

    it('of two custodians approving the same submission at once, exactly one succeeds', async () => {
      const id = await newDataset('alur-serentak');
      const s = await executeAction(as(producer), submissionCreate, { dataset_id: id });
      const results = await Promise.allSettled([
        executeAction(as(custodian), submissionVerify, {
          id: s.id,
          outcome: 'approve',
          note: 'A',
          checklist: allChecked(),
        }),
        executeAction(as(custodian2), submissionVerify, {
          id: s.id,
          outcome: 'approve',
          note: 'B',
          checklist: allChecked(),
        }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const tasks = await t.database.db
        .selectFrom('workflow_task')
        .innerJoin('workflow_instance', 'workflow_instance.id', 'workflow_task.instance_id')
        .select(['workflow_task.step_id', 'workflow_task.state'])
        .where('workflow_instance.subject_id', '=', id)
        .execute();
      expect(tasks.filter((x) => x.step_id === 'verify_data')).toHaveLength(1);
      expect(tasks.filter((x) => x.step_id === 'disseminate_data')).toHaveLength(1);
    });

    it('bulk approval verifies several submissions with one note, all or none', async () => {
      const a = await executeAction(as(producer), submissionCreate, {
        dataset_id: await newDataset('massal-a'),
      });
      const b = await executeAction(as(producer), submissionCreate, {
        dataset_id: await newDataset('massal-b'),
      });
      // a bulk approval states that every checklist item is met for each, or is refused
      await expect(
        executeAction(as(custodian), submissionVerifyMany, { ids: [a.id, b.id], note: 'Diperiksa bersama' }),
      ).rejects.toBeInstanceOf(ValidationError);
      const res = await executeAction(as(custodian), submissionVerifyMany, {
        ids: [a.id, b.id],
        note: 'Diperiksa bersama',
        checklist_confirmed: true,
      });
      expect(res.map((r) => r.next_step)).toEqual(['disseminate_data', 'disseminate_data']);
      // again: both already verified, so nothing changes
      await expect(
        executeAction(as(custodian), submissionVerifyMany, { ids: [a.id, b.id], checklist_confirmed: true }),
      ).rejects.toBeInstanceOf(ConflictError);
    });

    it('checks every transition with the policy', async () => {
      const id = await newDataset('alur-hak');
      await expect(
        executeAction(as(otherProducer), submissionCreate, { dataset_id: id }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      const s = await executeAction(as(producer), submissionCreate, { dataset_id: id });
      await expect(
        executeAction(as(supervisor), submissionVerify, {
          id: s.id,
          outcome: 'approve',
          checklist: allChecked(),
        }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(
        executeAction(as(producer), submissionVerify, {
          id: s.id,
          outcome: 'approve',
          checklist: allChecked(),
        }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
      await expect(executeAction(as(custodian), submissionPublish, { id: s.id })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await inbox(otherProducer)).toEqual([]);
    });

    it('notifies in the app and queues a mail in the same transaction; sends it when SMTP is configured', async () => {
      const s = await executeAction(as(producer), submissionCreate, {
        dataset_id: await newDataset('alur-surel'),
      });
      await executeAction(as(custodian), submissionVerify, { id: s.id, outcome: 'return', note: 'Perbaiki' });
      const notes = await t.database.db
        .selectFrom('notification')
        .selectAll()
        .where('user_id', '=', producer.userId as string)
        .execute();
      expect(notes.length).toBeGreaterThan(0);
      expect(notes[0]?.link).toMatch(/^\/tugas\//);
      const mails = await t.database.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', 'produsen@dinas.test')
        .execute();
      expect(mails.length).toBe(notes.length);
      expect(mails.every((m) => m.sent_at === null)).toBe(true);
      const sent: string[] = [];
      const transport = nodemailer.createTransport({ jsonTransport: true });
      const original = transport.sendMail.bind(transport);
      transport.sendMail = (async (m: { to: string }) => {
        sent.push(m.to);
        return original(m as never);
      }) as never;
      useMailTransport(transport);
      try {
        expect(await deliverPendingMail(t.database.db)).toBe(mails.length);
      } finally {
        useMailTransport(null);
      }
      expect(sent.every((to) => to === 'produsen@dinas.test')).toBe(true);
      const after = await t.database.db
        .selectFrom('mail_outbox')
        .select('sent_at')
        .where('to_address', '=', 'produsen@dinas.test')
        .execute();
      expect(after.every((m) => m.sent_at !== null)).toBe(true);
    });
  });
}
