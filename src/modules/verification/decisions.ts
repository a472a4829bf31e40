import type { Kysely } from 'kysely';
import { type ActionContext, mutate } from '../../kernel/actions/context.js';
import { parseInput } from '../../kernel/actions/parse-input.js';
import type { DatasetSubmission, SubmissionState, TaskDetail } from '../../kernel/db/schema/workflow-runs.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { ConflictError, ValidationError } from '../../kernel/errors.js';
import { findAgency } from '../agencies/index.js';
import { DatasetFieldsSchema, loadDatasetParts, resolveOwner, saveDataset } from '../catalog/index.js';
import type { StepFeature } from '../workflows/index.js';
import {
  type ActResult,
  actOnTask,
  decisionOutcome,
  definitionOf,
  divertToStep,
  featureStep,
  findInstance,
  forwardOutcome,
  OUTCOME_APPROVE,
  OUTCOME_RETURN,
  openFeatureTask,
  type RunEnv,
} from '../workflows/index.js';
import {
  afterCommit,
  type LoadedSubmission,
  lockSubmissionFor,
  runEnv,
  SDI_CHECKLIST,
} from './submissions.js';
import { setSubmissionState, submissionsOf } from './submissions.repository.js';
import { serveSubmittedVersions } from './write-hold.js';

/**
 * The decisions on a submission, where a custodian's approve or return is decided: the
 * custodian verifies (approve / return with notes per checklist item, field and cell), the
 * supervisor reviews priority data (and other data when the definition says so), the custodian
 * publishes. Each decision is one pass: load the submission locked in its transaction, authorize
 * the loaded row, guard the flow's state, change, audit; mails go after commit.
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

/**
 * An approval records each checklist item as met: approving with an item unchecked or not met
 * is refused, naming the items (issue #17 item 4).
 */
function requireChecklist(input: VerifyInput) {
  if (input.outcome !== OUTCOME_APPROVE) return;
  const open = SDI_CHECKLIST.filter(
    (c) => !(input.checklist ?? []).some((x) => x.key === c.key && x.met === true),
  );
  if (open.length === 0) return;
  throw new ValidationError({
    checklist: [
      {
        id: `Tandai setiap butir daftar periksa terpenuhi sebelum menyetujui; belum: ${open.map((c) => c.id).join(', ')}`,
        en: `Mark every checklist item as met before approving; not yet: ${open.map((c) => c.en).join(', ')}`,
      },
    ],
  });
}

/** Every checklist item as met (a bulk approval, whose approver confirmed all of them for each). */
export function allChecked(): NonNullable<TaskDetail['checklist']> {
  return SDI_CHECKLIST.map((c) => ({ key: c.key, met: true, note: '' }));
}

async function verifyIn(env: RunEnv, s: DatasetSubmission, input: VerifyInput): Promise<ActResult> {
  requireReturnNotes(input);
  requireChecklist(input);
  const { task, step, instance } = await featureTask(env.trx, s, 'dataset_verify');
  await moveSubmission(
    env.trx,
    s,
    ['submitted'],
    input.outcome === OUTCOME_APPROVE ? 'verified' : 'returned',
  );
  return actOnTask(
    env,
    { task, step, instance },
    {
      outcome: decisionOutcome(definitionOf(instance), step, input.outcome),
      note: input.note,
      detail: {
        submissionId: s.id,
        checklist: input.checklist ?? [],
        fields: input.fields ?? [],
        cells: input.cells ?? [],
      },
    },
  );
}

/**
 * The custodian approves or returns one submission, with notes per item, field and cell: the
 * submission is loaded once, locked, in the transaction, and `dataset:verify` judged on it.
 */
export async function verifySubmission(ctx: ActionContext, id: string, input: VerifyInput) {
  const result = await mutate(ctx, async (trx, audit) => {
    const s = await lockSubmissionFor(ctx, trx, id, 'dataset:verify');
    return { s, act: await verifyIn(await runEnv(ctx, trx, audit), s, input) };
  });
  await afterCommit(ctx);
  return result;
}

/**
 * The custodian approves several submissions at once with one note: all or none. Each is
 * loaded, locked and authorized first (in the given order); a submission chosen twice is refused.
 */
export async function verifySubmissions(ctx: ActionContext, ids: string[], note: string, confirmed: boolean) {
  if (!confirmed)
    throw new ValidationError({
      checklist_confirmed: [
        {
          id: 'Nyatakan bahwa setiap butir daftar periksa terpenuhi untuk setiap pengiriman terpilih',
          en: 'Confirm that every checklist item is met for each chosen submission',
        },
      ],
    });
  const results = await mutate(ctx, async (trx, audit) => {
    const list: LoadedSubmission[] = [];
    for (const id of ids) list.push(await lockSubmissionFor(ctx, trx, id, 'dataset:verify'));
    if (new Set(ids).size !== ids.length)
      throw new ValidationError({
        ids: [{ id: 'Pengiriman yang sama dipilih dua kali', en: 'The same submission was chosen twice' }],
      });
    const env = await runEnv(ctx, trx, audit);
    const out: ActResult[] = [];
    for (const s of list)
      out.push(await verifyIn(env, s, { outcome: 'approve', note, checklist: allChecked() }));
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

function requireRecommendation(input: ReviewInput) {
  if (input.outcome === OUTCOME_APPROVE && (!input.recommendation_number || !input.recommendation_date))
    throw new ValidationError({
      recommendation_number: [
        {
          id: 'Nomor dan tanggal rekomendasi statistik wajib diisi',
          en: 'The recommendation number and date are required',
        },
      ],
    });
}

/**
 * The supervisor records a statistical recommendation (number, date) or returns the data:
 * the submission is loaded once, locked, in the transaction, and `dataset:review` judged on it.
 */
export async function reviewSubmission(ctx: ActionContext, id: string, input: ReviewInput) {
  const result = await mutate(ctx, async (trx, audit) => {
    const s = await lockSubmissionFor(ctx, trx, id, 'dataset:review');
    requireRecommendation(input);
    requireReturnNotes(input);
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
    const act = await actOnTask(
      env,
      { task, step, instance },
      {
        outcome: decisionOutcome(definitionOf(instance), step, input.outcome),
        note: input.note,
        detail: { submissionId: s.id, ...(recommendation ? { recommendation } : {}) },
      },
    );
    return { s, act };
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

/**
 * The custodian publishes: the dataset becomes public through the catalog's own save path.
 * The submission and its dataset are loaded once, locked, in the transaction; `dataset:publish`
 * is judged on them and the dataset saved is the row held.
 */
export async function publishSubmission(ctx: ActionContext, id: string, note: string) {
  const result = await mutate(ctx, async (trx, audit) => {
    const s = await lockSubmissionFor(ctx, trx, id, 'dataset:publish');
    const fields = await publicFields(trx, s.dataset);
    const agency = await resolveOwner(ctx, fields.owner_org, trx);
    const env = await runEnv(ctx, trx, audit);
    const { step, task, instance } = await featureTask(trx, s, 'dataset_publish');
    await moveSubmission(trx, s, ['verified', 'reviewed'], 'published');
    await saveDataset(ctx, trx, audit, fields, agency, s.dataset);
    await serveSubmittedVersions(trx, s);
    const act = await actOnTask(
      env,
      { task, step, instance },
      { outcome: forwardOutcome(step), note, detail: { submissionId: s.id } },
    );
    return { s, act };
  });
  await afterCommit(ctx);
  return result;
}

/**
 * The dataset was just marked as priority data: its submission approved without the
 * supervisor's review (skipped then, as not priority) and waiting to be published goes to the
 * review first (issue #17 item 4). Runs in the marking transaction; true when one was sent.
 */
export async function sendApprovedToReview(env: RunEnv, datasetId: string): Promise<boolean> {
  const latest = (await submissionsOf(env.trx, datasetId)).at(-1);
  if (latest?.state !== 'verified') return false;
  const instance = await findInstance(env.trx, latest.instance_id);
  if (instance?.state !== 'running') return false;
  const open = await openFeatureTask(env.trx, instance, 'dataset_publish');
  const review = definitionOf(instance).steps.find((x) => x.feature === 'dataset_review');
  if (!open || !review) return false;
  return (await divertToStep(env, instance, open.task, review.id, 'priority')) !== undefined;
}
