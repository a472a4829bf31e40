import type { Kysely } from 'kysely';
import type { DatasetSubmission } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { definitionOf, findInstance, openTaskOf, stepById, type WorkflowStep } from '../workflows/index.js';

/** The step a submission's workflow is waiting at, or null when its instance has ended. */
export async function openStepOf(db: Kysely<DB>, s: DatasetSubmission): Promise<WorkflowStep | null> {
  const instance = await findInstance(db, s.instance_id);
  if (instance === undefined) return null;
  if (instance.state !== 'running') return null;
  const task = await openTaskOf(db, instance.id);
  return task ? stepById(definitionOf(instance), task.step_id) : null;
}
