import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { actOnTask, loadTask } from '../engine.js';
import { loadCalendar } from '../sources.js';
import { authorizeActOn } from '../task-access.js';

/**
 * Complete a step the platform has no feature for yet (forum minutes, recommendation letters,
 * …) with an outcome and an attached note or document. Dataset steps are acted on through
 * the submission actions, which check and record what those steps need.
 */
export const taskComplete = defineAction({
  name: 'task_complete',
  sideEffectFree: false,
  requires: 'task:read_own',
  input: z.object({
    id: z.string().uuid(),
    outcome: z.string().min(1).max(60).default('done'),
    note: z.string().max(10_000).default(''),
    attachment_key: z.string().max(500).optional(),
    attachment_name: z.string().max(300).optional(),
  }),
  async authorize(ctx, input) {
    const { task, instance, step } = await loadTask(ctx.db, input.id);
    authorizeActOn(ctx.actor, step, task.agency_id, instance.agency_id);
  },
  async run(ctx, input) {
    const { step } = await loadTask(ctx.db, input.id);
    if (step.feature)
      throw new ConflictError({
        id: `Langkah "${step.title.id}" diselesaikan melalui halaman pemeriksaan dataset`,
        en: `Step "${step.title.en}" is completed on the dataset check page`,
      });
    if (!input.note.trim() && !input.attachment_key)
      throw new ValidationError({
        note: [
          {
            id: 'Lampirkan catatan atau dokumen hasil langkah ini',
            en: 'Attach a note or a document for this step',
          },
        ],
      });
    const calendar = await loadCalendar(ctx.db);
    const result = await mutate(ctx, (trx, audit) =>
      actOnTask(
        { trx, audit, actor: ctx.actor, calendar, now: new Date(), siteUrl: ctx.siteUrl ?? '' },
        {
          taskId: input.id,
          outcome: input.outcome,
          note: input.note,
          attachmentKey: input.attachment_key ?? null,
          attachmentName: input.attachment_name ?? null,
        },
      ),
    );
    await deliverPendingMail(ctx.db);
    return {
      id: result.task.id,
      outcome: result.task.outcome,
      next_task_id: result.next?.id ?? null,
      next_step: result.next?.step_id ?? null,
    };
  },
});
