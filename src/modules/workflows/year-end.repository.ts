import type { Kysely } from 'kysely';
import type { WorkflowInstance } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { YEAR_END_SUBJECT } from './domain/scope.js';

/** SQL of the year's evaluation run (one per region and year, on its workflow_subject). */

/** The evaluation run of `year` (newest first when a year was run twice by hand), or undefined. */
export async function yearEndInstance(db: Kysely<DB>, year: number): Promise<WorkflowInstance | undefined> {
  return db
    .selectFrom('workflow_instance as i')
    .innerJoin('workflow_subject as s', 's.id', 'i.subject_id')
    .selectAll('i')
    .where('i.subject_type', '=', YEAR_END_SUBJECT)
    .where('s.year', '=', year)
    .orderBy('i.started_at', 'desc')
    .executeTakeFirst();
}

/** The evaluation year of a yearly run (undefined when the run is not one). */
export async function yearOfYearEndRun(db: Kysely<DB>, instanceId: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('workflow_instance as i')
    .innerJoin('workflow_subject as s', 's.id', 'i.subject_id')
    .select('s.year')
    .where('i.id', '=', instanceId)
    .where('i.subject_type', '=', YEAR_END_SUBJECT)
    .executeTakeFirst();
  return r?.year ?? undefined;
}
