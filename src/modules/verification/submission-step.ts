import type { Kysely } from 'kysely';
import type { DatasetSubmission } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { findDataset } from '../catalog/index.js';
import { definitionOf, findInstance, openTaskOf, stepById, type WorkflowStep } from '../workflows/index.js';

/** The step a submission's workflow is waiting at, or null when its instance has ended. */
export async function openStepOf(db: Kysely<DB>, s: DatasetSubmission): Promise<WorkflowStep | null> {
  const instance = await findInstance(db, s.instance_id);
  if (instance === undefined) return null;
  if (instance.state !== 'running') return null;
  const task = await openTaskOf(db, instance.id);
  return task ? stepById(definitionOf(instance), task.step_id) : null;
}

/**
 * Will the supervisor (BPS) review this submission once the custodian approves it? Decided as the
 * engine decides (engine.ts skipped()): the region's preset (reviewNonPriority, or no review step)
 * and the dataset's priority flag. Shown before approval so the skip is never silent.
 */
export async function reviewPlan(
  db: Kysely<DB>,
  s: DatasetSubmission,
): Promise<{ runs: boolean; reason: 'priority' | 'preset' | 'not_priority' | 'no_step' } | null> {
  const instance = await findInstance(db, s.instance_id);
  if (instance === undefined) return null;
  const def = definitionOf(instance);
  if (!def.steps.some((x) => x.feature === 'dataset_review')) return { runs: false, reason: 'no_step' };
  if (def.reviewNonPriority) return { runs: true, reason: 'preset' };
  const d = await findDataset(db, s.dataset_id);
  return d?.priority ? { runs: true, reason: 'priority' } : { runs: false, reason: 'not_priority' };
}
