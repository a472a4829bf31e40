import type { Kysely } from 'kysely';
import { authorize } from '../../kernel/access/policy.js';
import { type ActionContext, mutate } from '../../kernel/actions/context.js';
import type {
  SubmittedResource,
  WorkflowInstance,
  WorkflowTask,
} from '../../kernel/db/schema/workflow-runs.js';
import type { Dataset, DB } from '../../kernel/db/schema.js';
import { ConflictError } from '../../kernel/errors.js';
import { loadDatasetParts } from '../catalog/index.js';
import {
  actOnTask,
  definitionFor,
  definitionOf,
  featureStep,
  findRunningInstance,
  forwardOutcome,
  lockOpenTask,
  openFeatureTask,
  type RunEnv,
  startInstance,
  stepById,
} from '../workflows/index.js';
import { afterCommit, loadDatasetFor, runEnv, SUBJECT_DATASET } from './submissions.js';
import { currentResources, insertSubmission, nextSubmissionNumber } from './submissions.repository.js';

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

/**
 * The producer's submit task: the open one of the running instance (locked; ConflictError
 * while the data is being checked), or the first task of a new instance.
 */
async function submitTaskOf(
  env: RunEnv,
  dataset: Dataset,
): Promise<{ instance: WorkflowInstance; submitTask: WorkflowTask }> {
  const running = await findRunningInstance(env.trx, SUBJECT_DATASET, dataset.id);
  if (running) {
    const open = await openFeatureTask(env.trx, running, 'dataset_submit');
    const submitTask = open && (await lockOpenTask(env.trx, open.task.id));
    if (!submitTask)
      throw new ConflictError({
        id: `Dataset '${dataset.title}' sedang diperiksa; kirim ulang setelah dikembalikan`,
        en: `Dataset '${dataset.title}' is being checked; resubmit after it is returned`,
      });
    return { instance: running, submitTask };
  }
  const { id: definitionId, definition } = await definitionFor(env.trx, 'dataset_collection');
  const started = await startInstance(env, {
    definitionId,
    definition,
    subjectType: SUBJECT_DATASET,
    subjectId: dataset.id,
    agencyId: dataset.agency_id,
    atStep: featureStep(definition, 'dataset_submit').id,
    quiet: true,
  });
  if (!started.task) throw new Error('submit step opened no task');
  return { instance: started.instance, submitTask: started.task };
}

/**
 * A producer submits the dataset as it is now: the first submission starts an instance at the
 * definition's submit step; a resubmission completes the producer's open "fix" task. Earlier
 * submissions are kept as they were. One pass: the dataset is loaded once, locked, inside the
 * transaction, and the policy judges that row.
 */
export async function submitDataset(ctx: ActionContext, idOrName: string, note: string) {
  const result = await mutate(ctx, async (trx, audit) => {
    const dataset = await loadDatasetFor(trx, idOrName, { forUpdate: true });
    authorize(ctx.actor, 'dataset:submit', { agencyId: dataset.agency_id });
    return submitIn(await runEnv(ctx, trx, audit), dataset, note);
  });
  await afterCommit(ctx);
  return result;
}

/**
 * Submit `dataset` (locked and authorized by the caller) in the caller's transaction. `held`: a
 * resource version written but not served yet (a DataStore write held for the check), which
 * the submission carries instead of the one the resource serves.
 */
export async function submitIn(env: RunEnv, dataset: Dataset, note: string, held?: SubmittedVersion) {
  const trx = env.trx;
  const { instance, submitTask } = await submitTaskOf(env, dataset);
  const resources = (await currentResources(trx, dataset.id)).map((r) =>
    held && r.resource_id === held.resource_id ? { ...r, ...held } : r,
  );
  const submission = await insertSubmission(trx, {
    datasetId: dataset.id,
    number: await nextSubmissionNumber(trx, dataset.id),
    instanceId: instance.id,
    resources,
    metadata: await metadataSnapshot(trx, dataset),
    note,
    submittedBy: env.actor.userId,
    submittedByName: env.actor.username,
    at: env.now,
  });
  await env.audit({
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
  await actOnTask(
    env,
    { task: submitTask, instance, step },
    { outcome: forwardOutcome(step), note: note || null, detail: { submissionId: submission.id } },
  );
  return submission;
}

/** A resource's written version as a submission lists it. */
export type SubmittedVersion = Pick<
  SubmittedResource,
  'resource_id' | 'version_id' | 'version_number' | 'table_name' | 'row_count' | 'size' | 'hash'
>;
