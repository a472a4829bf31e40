import type { Kysely } from 'kysely';
import type { WorkflowInstance } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of the data-list cycle's workflow runs and their tasks. */

/** The running cycle runs of a year (subject kind data_list_cycle), newest first. */
export async function runningCycleInstancesOf(db: Kysely<DB>, year: number): Promise<WorkflowInstance[]> {
  return db
    .selectFrom('workflow_instance as i')
    .innerJoin('workflow_subject as s', 's.id', 'i.subject_id')
    .selectAll('i')
    .where('s.kind', '=', 'data_list_cycle')
    .where('s.year', '=', year)
    .where('i.state', '=', 'running')
    .orderBy('i.started_at', 'desc')
    .execute();
}

/** The open tasks of a run at these steps. */
export async function openTasksAtSteps(db: Kysely<DB>, instanceId: string, steps: string[]) {
  return db
    .selectFrom('workflow_task')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where('state', '=', 'open')
    .where('step_id', 'in', steps)
    .execute();
}

/** The year of a workflow subject, if it has one. */
export async function subjectYear(db: Kysely<DB>, subjectId: string) {
  return db.selectFrom('workflow_subject').select('year').where('id', '=', subjectId).executeTakeFirst();
}
