import type { Kysely, Transaction } from 'kysely';
import { type ActionContext, type Audit, mutate } from '../../kernel/actions/context.js';
import type { DatasetSubmission, WorkflowTask } from '../../kernel/db/schema/workflow-runs.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { ConflictError, NotFoundError } from '../../kernel/errors.js';
import { deliverPendingMail } from '../../kernel/notifications/mailer.js';
import { findDataset, loadDatasetParts } from '../catalog/index.js';
import {
  actOnTask,
  definitionFor,
  definitionOf,
  featureStep,
  findRunningInstance,
  forwardOutcome,
  loadCalendar,
  lockOpenTask,
  openFeatureTask,
  type RunEnv,
  startInstance,
  stepById,
} from '../workflows/index.js';
import {
  currentResources,
  findSubmission,
  insertSubmission,
  nextSubmissionNumber,
} from './submissions.repository.js';

/**
 * The dataset collection and check flow (issue #5 item 5) on the workflow runtime: a producer
 * submits a version (data + metadata snapshot), the custodian verifies (approve / return with
 * notes per checklist item, field and cell), the supervisor reviews priority data (and other
 * data when the definition says so), the custodian publishes.
 */

/** The SDI checklist the custodian ticks (Perpres 39/2019: the four principles and validity). */
export const SDI_CHECKLIST = [
  { key: 'data_standard', id: 'Standar data diikuti', en: 'Data standard followed' },
  { key: 'metadata_complete', id: 'Metadata lengkap', en: 'Metadata complete' },
  { key: 'open_format_license', id: 'Format terbuka dan lisensi', en: 'Open format and license' },
  { key: 'reference_codes', id: 'Kode referensi valid', en: 'Reference codes valid' },
  { key: 'values_plausible', id: 'Nilai masuk akal', en: 'Values plausible' },
] as const;

export const SUBJECT_DATASET = 'dataset';

/** The metadata a submission freezes (what the custodian checks and the diff compares). */
async function metadataSnapshot(db: Kysely<DB>, d: Dataset): Promise<Record<string, unknown>> {
  const parts = (await loadDatasetParts(db, [d.id])).get(d.id);
  return {
    title: d.title,
    notes: d.notes,
    license_id: d.license_id,
    update_frequency: d.update_frequency,
    temporal_start: d.temporal_start,
    temporal_end: d.temporal_end,
    spatial: d.spatial_codes,
    maintainer: d.maintainer,
    maintainer_email: d.maintainer_email,
    author: d.author,
    version: d.version,
    tags: parts?.tags ?? [],
    groups: (parts?.topics ?? []).map((t) => t.name),
    extras: d.extras ?? {},
    priority: d.priority,
  };
}

export async function runEnv(ctx: ActionContext, trx: Transaction<DB>, audit: Audit): Promise<RunEnv> {
  return {
    trx,
    audit,
    actor: ctx.actor,
    calendar: await loadCalendar(trx),
    now: new Date(),
    siteUrl: ctx.siteUrl ?? '',
  };
}

export async function loadDatasetFor(ctx: ActionContext, idOrName: string): Promise<Dataset> {
  const d = await findDataset(ctx.db, idOrName);
  if (!d || d.state === 'deleted')
    throw new NotFoundError({
      id: `Dataset '${idOrName}' tidak ditemukan`,
      en: `Dataset '${idOrName}' not found`,
    });
  return d;
}

export async function loadSubmission(
  db: Kysely<DB>,
  id: string,
): Promise<DatasetSubmission & { dataset: Dataset }> {
  const s = /^[0-9a-f-]{36}$/i.test(id) ? await findSubmission(db, id) : undefined;
  const dataset = s && (await findDataset(db, s.dataset_id));
  if (!s || !dataset)
    throw new NotFoundError({ id: `Pengiriman '${id}' tidak ditemukan`, en: `Submission '${id}' not found` });
  return { ...s, dataset };
}

/** After commit: send the mails the change queued (no-op without SMTP). */
export async function afterCommit(ctx: ActionContext) {
  await deliverPendingMail(ctx.db);
}

/**
 * A producer submits the dataset as it is now: the first submission starts an instance at the
 * definition's submit step; a resubmission completes the producer's open "fix" task. Earlier
 * submissions are kept as they were.
 */
export async function submitDataset(ctx: ActionContext, dataset: Dataset, note: string) {
  const { id: definitionId, definition } = await definitionFor(ctx.db, 'dataset_collection');
  const result = await mutate(ctx, async (trx, audit) => {
    const env = await runEnv(ctx, trx, audit);
    let instance = await findRunningInstance(trx, SUBJECT_DATASET, dataset.id);
    let submitTask: WorkflowTask | null | undefined;
    if (instance) {
      const open = await openFeatureTask(trx, instance, 'dataset_submit');
      submitTask = open && (await lockOpenTask(trx, open.task.id));
      if (!submitTask)
        throw new ConflictError({
          id: `Dataset '${dataset.title}' sedang diperiksa; kirim ulang setelah dikembalikan`,
          en: `Dataset '${dataset.title}' is being checked; resubmit after it is returned`,
        });
    } else {
      const started = await startInstance(env, {
        definitionId,
        definition,
        subjectType: SUBJECT_DATASET,
        subjectId: dataset.id,
        agencyId: dataset.agency_id,
        atStep: featureStep(definition, 'dataset_submit').id,
        quiet: true,
      });
      instance = started.instance;
      submitTask = started.task;
    }
    if (!submitTask) throw new Error('submit step opened no task');
    const current = await findDataset(trx, dataset.id);
    if (!current) throw new Error('dataset vanished');
    const submission = await insertSubmission(trx, {
      datasetId: dataset.id,
      number: await nextSubmissionNumber(trx, dataset.id),
      instanceId: instance.id,
      resources: await currentResources(trx, dataset.id),
      metadata: await metadataSnapshot(trx, current),
      note,
      submittedBy: ctx.actor.userId,
      submittedByName: ctx.actor.username,
      at: env.now,
    });
    await audit({
      action: 'submission_create',
      subjectType: 'dataset',
      subjectId: dataset.id,
      summary: {
        submission: submission.id,
        number: submission.number,
        resources: submission.resources.length,
      },
    });
    const step = stepById(definitionOf(instance), submitTask.step_id);
    await actOnTask(env, {
      taskId: submitTask.id,
      outcome: forwardOutcome(step),
      note: note || null,
      detail: { submissionId: submission.id },
    });
    return submission;
  });
  await afterCommit(ctx);
  return result;
}
