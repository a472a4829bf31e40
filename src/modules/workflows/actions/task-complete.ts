import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { ConflictError, ValidationError } from '../../../kernel/errors.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { StoredUploadSchema } from '../../../kernel/storage/stored-upload.js';
import { decidedElsewhere } from '../decided-elsewhere.js';
import type { WorkflowStep } from '../domain/definition.js';
import { missingRequirements } from '../domain/requirements.js';
import type { TaskFile } from '../domain/routing.js';
import { loadCalendar } from '../sources.js';
import { authorizeActOn } from '../task-access.js';
import { actOnTask, loadTask } from '../task-act.js';

const uuid = z.string().uuid('Pilihan tidak dikenal / Unknown choice');
const optionalUuid = z.preprocess((v) => (v === '' ? undefined : v), uuid.optional());

/** The step's files: `upload` (one, answering no requirement) and `uploads` (`upload_<n>` answers requirement n). */
function filesOf(input: {
  upload?: z.infer<typeof StoredUploadSchema> | undefined;
  uploads?: (z.infer<typeof StoredUploadSchema> & { field?: string | undefined })[] | undefined;
}): TaskFile[] {
  const out: TaskFile[] = [];
  if (input.upload) out.push({ key: input.upload.key, name: input.upload.fileName });
  for (const u of input.uploads ?? []) {
    const n = /^upload_(\d+)$/.exec(u.field ?? '')?.[1];
    out.push(
      n === undefined
        ? { key: u.key, name: u.fileName }
        : { key: u.key, name: u.fileName, requirement: Number(n) },
    );
  }
  return out;
}

/** Refuse a completion lacking a required input, naming each in both languages. */
function checkRequirements(step: WorkflowStep, outcome: string, note: string, files: TaskFile[]): void {
  // Sending work back needs a reason, not the step's documents.
  if (['return', 'reject', 'incomplete'].includes(outcome)) return;
  const missing = missingRequirements(step, { note, files });
  if (missing.length === 0) return;
  const ids = missing.map((m) => `"${m.requirement.title.id}"`).join(', ');
  const ens = missing.map((m) => `"${m.requirement.title.en}"`).join(', ');
  throw new ValidationError(
    Object.fromEntries(
      missing.map((m) => [
        `upload_${m.index}`,
        [{ id: `${m.requirement.title.id} wajib dilampirkan`, en: `${m.requirement.title.en} is required` }],
      ]),
    ),
    { id: `Langkah ini belum lengkap: ${ids} wajib ada`, en: `This step is incomplete: ${ens} required` },
  );
}

/**
 * Complete a step the platform has no feature for yet (forum minutes, recommendation letters,
 * …) with an outcome, a note and the step's files; a choosing step also names the agency, the
 * agencies or the person of later steps. Dataset steps are acted on through the submission
 * actions, which check and record what those steps need; steps a module decides on its own
 * pages (decided-elsewhere.ts: the yearly report's approval) through that module's actions.
 *
 * One pass: the task is loaded once, locked, inside the transaction; the policy judges that
 * row (404, then 403), then the state guards, then the change with its audit row.
 */
export const taskComplete = defineAction({
  name: 'task_complete',
  sideEffectFree: false,
  acceptsUpload: true,
  acceptsManyUploads: true,
  requires: 'task:read_own',
  input: z.object({
    id: z.string().uuid(),
    outcome: z.string().min(1).max(60).default('done'),
    note: z.string().max(10_000).default(''),
    /**
     * The documents, as multipart parts of this very request (API and page alike). A storage
     * key is never taken from the client: only a file the request itself sent can be attached.
     */
    upload: StoredUploadSchema.optional(),
    uploads: z
      .array(StoredUploadSchema.extend({ field: z.string().max(40).optional() }))
      .max(20)
      .optional(),
    /** A choosing step's disposition: the agency, the agencies, or the person of later steps. */
    agency_id: optionalUuid,
    agency_ids: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(uuid).max(200).optional()),
    assignee_id: optionalUuid,
  }),
  // The check needs the task: run() authorizes the row it loads (and locks) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    const calendar = await loadCalendar(ctx.db);
    const files = filesOf(input);
    const result = await mutate(ctx, async (trx, audit) => {
      const loaded = await loadTask(trx, input.id, { forUpdate: true });
      const { task, instance, step } = loaded;
      authorizeActOn(ctx.actor, step, task.agency_id, instance.agency_id);
      if (step.feature)
        throw new ConflictError({
          id: `Langkah "${step.title.id}" diselesaikan melalui halaman pemeriksaan dataset`,
          en: `Step "${step.title.en}" is completed on the dataset check page`,
        });
      const elsewhere = decidedElsewhere({ subjectType: instance.subject_type, taskId: task.id, step });
      if (elsewhere)
        throw new ConflictError({
          id: `Langkah "${step.title.id}" diputuskan melalui ${elsewhere.where.id}`,
          en: `Step "${step.title.en}" is decided on ${elsewhere.where.en}`,
        });
      if (!input.note.trim() && files.length === 0)
        throw new ValidationError({
          note: [
            {
              id: 'Lampirkan catatan atau dokumen hasil langkah ini',
              en: 'Attach a note or a document for this step',
            },
          ],
        });
      checkRequirements(step, input.outcome, input.note, files);
      const env = { trx, audit, actor: ctx.actor, calendar, now: new Date(), siteUrl: ctx.siteUrl ?? '' };
      return actOnTask(env, loaded, {
        outcome: input.outcome,
        note: input.note,
        files,
        choice: { agencyId: input.agency_id, agencyIds: input.agency_ids, userId: input.assignee_id },
      });
    });
    await deliverPendingMail(ctx.db);
    return {
      id: result.task.id,
      outcome: result.task.outcome,
      files: files.map((f) => f.name),
      next_task_id: result.next?.id ?? null,
      next_step: result.next?.step_id ?? null,
    };
  },
});
