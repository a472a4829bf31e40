import type { Kysely } from 'kysely';
import { type ActionContext, mutate } from '../../kernel/actions/context.js';
import { parseInput } from '../../kernel/actions/parse-input.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { ValidationError } from '../../kernel/errors.js';
import { findAgency } from '../agencies/index.js';
import { DatasetFieldsSchema, loadDatasetParts, resolveOwner, saveDataset } from '../catalog/index.js';
import {
  actOnTask,
  decisionOutcome,
  definitionOf,
  divertToStep,
  findInstance,
  forwardOutcome,
  OUTCOME_APPROVE,
  openFeatureTask,
  type RunEnv,
} from '../workflows/index.js';
import { featureTask, moveSubmission, requireReturnNotes } from './decision-steps.js';
import { afterCommit, lockSubmissionFor, runEnv } from './submissions.js';
import { submissionsOf } from './submissions.repository.js';
import { serveSubmittedVersions } from './write-hold.js';

/** The decisions after verification: the supervisor's review, publication, and a priority dataset sent to review. */

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
