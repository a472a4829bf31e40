import type { Kysely } from 'kysely';
import { type ActionContext, mutate } from '../../kernel/actions/context.js';
import { parseInput } from '../../kernel/actions/parse-input.js';
import type { DatasetSubmission, SubmissionState, TaskDetail } from '../../kernel/db/schema/workflow-runs.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { ConflictError, ValidationError } from '../../kernel/errors.js';
import { findAgency } from '../agencies/index.js';
import {
  DatasetFieldsSchema,
  findDataset,
  loadDatasetParts,
  resolveOwner,
  saveDataset,
} from '../catalog/index.js';
import type { StepFeature } from '../workflows/index.js';
import {
  type ActResult,
  actOnTask,
  decisionOutcome,
  definitionOf,
  featureStep,
  findInstance,
  forwardOutcome,
  OUTCOME_APPROVE,
  OUTCOME_RETURN,
  openFeatureTask,
  type RunEnv,
} from '../workflows/index.js';
import { afterCommit, runEnv } from './submissions.js';
import { setSubmissionState } from './submissions.repository.js';

/**
 * Decisions on a submission (custodian, supervisor, publication) in and check flow (issue #5 item 5) on the workflow runtime: a producer
 * submits a version (data + metadata snapshot), the custodian verifies (approve / return with
 * notes per checklist item, field and cell), the supervisor reviews priority data (and other
 * data when the definition says so), the custodian publishes.
 */

/** The open task of a submission's feature step; ConflictError when the flow is elsewhere. */
async function featureTask(trx: Kysely<DB>, s: DatasetSubmission, feature: StepFeature) {
  const instance = await findInstance(trx, s.instance_id);
  if (!instance) throw new Error('submission without instance');
  const open = await openFeatureTask(trx, instance, feature);
  if (!open) {
    const step = featureStep(definitionOf(instance), feature);
    throw new ConflictError({
      id: `Pengiriman #${s.number} tidak menunggu langkah "${step.title.id}"`,
      en: `Submission #${s.number} is not waiting for "${step.title.en}"`,
    });
  }
  return { instance, ...open };
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
  const { task, step, instance } = await featureTask(env.trx, s, 'dataset_verify');
  await moveSubmission(
    env.trx,
    s,
    ['submitted'],
    input.outcome === OUTCOME_APPROVE ? 'verified' : 'returned',
  );
  return actOnTask(env, {
    taskId: task.id,
    outcome: decisionOutcome(definitionOf(instance), step, input.outcome),
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
    const { task, step, instance } = await featureTask(trx, s, 'dataset_review');
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
      outcome: decisionOutcome(definitionOf(instance), step, input.outcome),
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
