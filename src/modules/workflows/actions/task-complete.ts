import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { StoredUploadSchema } from '../../../kernel/storage/stored-upload.js';
import { loadCalendar } from '../sources.js';
import { authorizeActOn } from '../task-access.js';
import { actOnTask, loadTask } from '../task-act.js';

/**
 * Complete a step the platform has no feature for yet (forum minutes, recommendation letters,
 * …) with an outcome and an attached note or document. Dataset steps are acted on through
 * the submission actions, which check and record what those steps need.
 *
 * One pass: the task is loaded once, locked, inside the transaction; the policy judges that
 * row (404, then 403), then the state guards, then the change with its audit row.
 */
export const taskComplete = defineAction({
  name: 'task_complete',
  sideEffectFree: false,
  acceptsUpload: true,
  requires: 'task:read_own',
  input: z.object({
    id: z.string().uuid(),
    outcome: z.string().min(1).max(60).default('done'),
    note: z.string().max(10_000).default(''),
    /**
     * The document, as a multipart `upload` of this very request (API and page alike). A storage
     * key is never taken from the client: only a file the request itself sent can be attached.
     */
    upload: StoredUploadSchema.optional(),
  }),
  // The check needs the task: run() authorizes the row it loads (and locks) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    const calendar = await loadCalendar(ctx.db);
    const result = await mutate(ctx, async (trx, audit) => {
      const loaded = await loadTask(trx, input.id, { forUpdate: true });
      const { task, instance, step } = loaded;
      authorizeActOn(ctx.actor, step, task.agency_id, instance.agency_id);
      if (step.feature)
        throw new ConflictError({
          id: `Langkah "${step.title.id}" diselesaikan melalui halaman pemeriksaan dataset`,
          en: `Step "${step.title.en}" is completed on the dataset check page`,
        });
      if (!input.note.trim() && !input.upload)
        throw new ValidationError({
          note: [
            {
              id: 'Lampirkan catatan atau dokumen hasil langkah ini',
              en: 'Attach a note or a document for this step',
            },
          ],
        });
      const env = { trx, audit, actor: ctx.actor, calendar, now: new Date(), siteUrl: ctx.siteUrl ?? '' };
      return actOnTask(env, loaded, {
        outcome: input.outcome,
        note: input.note,
        attachmentKey: input.upload?.key ?? null,
        attachmentName: input.upload?.fileName ?? null,
      });
    });
    await deliverPendingMail(ctx.db);
    return {
      id: result.task.id,
      outcome: result.task.outcome,
      next_task_id: result.next?.id ?? null,
      next_step: result.next?.step_id ?? null,
    };
  },
});
