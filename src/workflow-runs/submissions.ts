import type { Kysely, Transaction } from 'kysely';
import { type ActionContext, type Audit, mutate } from '../actions/context.js';
import { DatasetFieldsSchema } from '../actions/dataset/dataset.schema.js';
import { resolveOwner, saveDataset } from '../actions/dataset/dataset-save.js';
import { parseInput } from '../actions/parse-input.js';
import { findAgency } from '../db/repositories/agency.repository.js';
import { findDataset, loadDatasetParts } from '../db/repositories/dataset.repository.js';
import type {
  DatasetSubmission,
  SubmissionState,
  TaskDetail,
  WorkflowTask,
} from '../db/schema/workflow-runs.js';
import type { Dataset, DB } from '../db/schema.js';
import type { StepFeature } from '../domain/workflow/definition.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { deliverPendingMail } from '../notifications/mailer.js';
import {
  type ActResult,
  actOnTask,
  definitionOf,
  featureStep,
  forwardOutcome,
  OUTCOME_APPROVE,
  OUTCOME_RETURN,
  type RunEnv,
  startInstance,
} from './engine.js';
import { findInstance, findRunningInstance, lockOpenTask, openTaskOf } from './runs.repository.js';
import { definitionFor, loadCalendar } from './sources.js';
import {
  currentResources,
  findSubmission,
  insertSubmission,
  nextSubmissionNumber,
  setSubmissionState,
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

async function runEnv(ctx: ActionContext, trx: Transaction<DB>, audit: Audit): Promise<RunEnv> {
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
async function afterCommit(ctx: ActionContext) {
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
      const step = featureStep(definitionOf(instance), 'dataset_submit');
      const open = await openTaskOf(trx, instance.id, step.id);
      submitTask = open && (await lockOpenTask(trx, open.id));
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
    const step = featureStep(definitionOf(instance), 'dataset_submit');
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

/** The open task of a submission's feature step; ConflictError when the flow is elsewhere. */
async function featureTask(trx: Kysely<DB>, s: DatasetSubmission, feature: StepFeature) {
  const instance = await findInstance(trx, s.instance_id);
  if (!instance) throw new Error('submission without instance');
  const step = featureStep(definitionOf(instance), feature);
  const task = await openTaskOf(trx, instance.id, step.id);
  if (!task)
    throw new ConflictError({
      id: `Pengiriman #${s.number} tidak menunggu langkah "${step.title.id}"`,
      en: `Submission #${s.number} is not waiting for "${step.title.en}"`,
    });
  return { instance, step, task };
}

async function moveSubmission(
  trx: Kysely<DB>,
  s: DatasetSubmission,
  from: SubmissionState[],
  to: SubmissionState,
  extra: { recommendation_number?: string; recommendation_date?: string } = {},
) {
  if (!(await setSubmissionState(trx, s.id, from, to, extra)))
    throw new ConflictError({
      id: `Pengiriman #${s.number} sudah diproses orang lain`,
      en: `Submission #${s.number} was already handled by someone else`,
    });
}

export interface VerifyInput {
  outcome: 'approve' | 'return';
  note: string;
  checklist?: TaskDetail['checklist'];
  fields?: TaskDetail['fields'];
  cells?: TaskDetail['cells'];
}

function requireReturnNotes(input: { outcome: string; note: string } & Partial<TaskDetail>) {
  if (input.outcome !== OUTCOME_RETURN) return;
  const hasNote =
    input.note.trim() !== '' ||
    (input.checklist ?? []).some((c) => c.note.trim() !== '') ||
    (input.fields ?? []).some((f) => f.note.trim() !== '') ||
    (input.cells ?? []).some((c) => c.note.trim() !== '');
  if (!hasNote)
    throw new ValidationError({
      note: [
        {
          id: 'Tulis catatan perbaikan untuk produsen data',
          en: 'Write a note telling the producer what to fix',
        },
      ],
    });
}

async function verifyIn(env: RunEnv, s: DatasetSubmission, input: VerifyInput): Promise<ActResult> {
  requireReturnNotes(input);
  const { task } = await featureTask(env.trx, s, 'dataset_verify');
  await moveSubmission(
    env.trx,
    s,
    ['submitted'],
    input.outcome === OUTCOME_APPROVE ? 'verified' : 'returned',
  );
  return actOnTask(env, {
    taskId: task.id,
    outcome: input.outcome,
    note: input.note,
    detail: {
      submissionId: s.id,
      checklist: input.checklist ?? [],
      fields: input.fields ?? [],
      cells: input.cells ?? [],
    },
  });
}

/** The custodian approves or returns one submission, with notes per item, field and cell. */
export async function verifySubmission(ctx: ActionContext, s: DatasetSubmission, input: VerifyInput) {
  const result = await mutate(ctx, async (trx, audit) => verifyIn(await runEnv(ctx, trx, audit), s, input));
  await afterCommit(ctx);
  return result;
}

/** The custodian approves several submissions at once with one note: all or none. */
export async function verifySubmissions(ctx: ActionContext, list: DatasetSubmission[], note: string) {
  const results = await mutate(ctx, async (trx, audit) => {
    const env = await runEnv(ctx, trx, audit);
    const out: ActResult[] = [];
    for (const s of list) out.push(await verifyIn(env, s, { outcome: 'approve', note }));
    return out;
  });
  await afterCommit(ctx);
  return results;
}

export interface ReviewInput {
  outcome: 'approve' | 'return';
  note: string;
  recommendation_number?: string | undefined;
  recommendation_date?: string | undefined;
}

/** The supervisor records a statistical recommendation (number, date) or returns the data. */
export async function reviewSubmission(ctx: ActionContext, s: DatasetSubmission, input: ReviewInput) {
  if (input.outcome === OUTCOME_APPROVE && (!input.recommendation_number || !input.recommendation_date))
    throw new ValidationError({
      recommendation_number: [
        {
          id: 'Nomor dan tanggal rekomendasi statistik wajib diisi',
          en: 'The recommendation number and date are required',
        },
      ],
    });
  requireReturnNotes(input);
  const result = await mutate(ctx, async (trx, audit) => {
    const env = await runEnv(ctx, trx, audit);
    const { task } = await featureTask(trx, s, 'dataset_review');
    const recommendation =
      input.outcome === OUTCOME_APPROVE
        ? { number: input.recommendation_number as string, date: input.recommendation_date as string }
        : undefined;
    await moveSubmission(
      trx,
      s,
      ['verified'],
      input.outcome === OUTCOME_APPROVE ? 'reviewed' : 'returned',
      recommendation
        ? { recommendation_number: recommendation.number, recommendation_date: recommendation.date }
        : {},
    );
    return actOnTask(env, {
      taskId: task.id,
      outcome: input.outcome,
      note: input.note,
      detail: { submissionId: s.id, ...(recommendation ? { recommendation } : {}) },
    });
  });
  await afterCommit(ctx);
  return result;
}

/** The dataset's fields as package_update takes them, made public and active. */
async function publicFields(db: Kysely<DB>, d: Dataset) {
  const parts = (await loadDatasetParts(db, [d.id])).get(d.id);
  const agency = await findAgency(db, { id: d.agency_id });
  return parseInput(DatasetFieldsSchema, {
    name: d.name,
    title: d.title,
    notes: d.notes,
    owner_org: agency?.code ?? d.agency_id,
    private: false,
    state: 'active',
    license_id: d.license_id,
    author: d.author,
    author_email: d.author_email,
    maintainer: d.maintainer,
    maintainer_email: d.maintainer_email,
    url: d.url,
    version: d.version,
    tags: parts?.tags ?? [],
    groups: (parts?.topics ?? []).map((t) => t.name),
    extras: Object.entries(d.extras ?? {}).map(([key, value]) => ({ key, value })),
    update_frequency: d.update_frequency,
    temporal_start: d.temporal_start,
    temporal_end: d.temporal_end,
    spatial: d.spatial_codes,
  });
}

/** The custodian publishes: the dataset becomes public through the catalog's own save path. */
export async function publishSubmission(
  ctx: ActionContext,
  s: DatasetSubmission & { dataset: Dataset },
  note: string,
) {
  const fields = await publicFields(ctx.db, s.dataset);
  const agency = await resolveOwner(ctx, fields.owner_org);
  const result = await mutate(ctx, async (trx, audit) => {
    const env = await runEnv(ctx, trx, audit);
    const { step, task } = await featureTask(trx, s, 'dataset_publish');
    await moveSubmission(trx, s, ['verified', 'reviewed'], 'published');
    const current = await findDataset(trx, s.dataset_id);
    if (!current) throw new Error('dataset vanished');
    await saveDataset(ctx, trx, audit, fields, agency, current);
    return actOnTask(env, {
      taskId: task.id,
      outcome: forwardOutcome(step),
      note,
      detail: { submissionId: s.id },
    });
  });
  await afterCommit(ctx);
  return result;
}
