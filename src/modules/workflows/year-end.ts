import type { Kysely } from 'kysely';
import { type TimeZone, UTC_OFFSET_MINUTES } from '../../kernel/calendar/working-calendar.js';
import type { WorkflowInstance, WorkflowTask } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { activeDefinition } from './definitions.js';
import { YEAR_END_SUBJECT, yearEndStart } from './domain/scope.js';
import { type RunEnv, startInstance } from './engine.js';
import { insertSubject } from './routing.repository.js';
import { openTaskOf } from './runs.repository.js';
import { claimCycle, setCycleInstance } from './time.repository.js';
import { yearEndInstance } from './year-end.repository.js';

/**
 * The year's evaluation run (issue #16 item 3): a dataset collection SOP whose last steps are
 * yearly (Jember 21–22: evaluate the year in a coordination meeting, the report to the head of
 * region) runs them once per region and year, on the evaluation year as its subject, never
 * after each dataset. The cycle job opens it from 1 December of the year on the region's clock
 * (the year's records are then nearly complete and the report reaches the head of region before
 * the next year's planning); the claim in workflow_cycle makes it start once.
 */
export const YEAR_END_CYCLE = 'evaluation_year';

/** The evaluation year due at `now`: this year from December, else the year before. */
export function dueEvaluationYear(now: Date, timeZone: TimeZone): number {
  const local = new Date(now.getTime() + UTC_OFFSET_MINUTES[timeZone] * 60_000);
  const year = local.getUTCFullYear();
  return local.getUTCMonth() === 11 ? year : year - 1;
}

/**
 * Start the evaluation run of `year` unless it was claimed already; returns it (undefined when
 * the region's SOP has no yearly evaluation steps or the year's run exists).
 */
export async function startYearEndRun(env: RunEnv, year: number): Promise<WorkflowInstance | undefined> {
  const { id, definition } = await activeDefinition(env.trx, 'dataset_collection');
  const atStep = yearEndStart(definition);
  if (!atStep) return undefined;
  if (!(await claimCycle(env.trx, YEAR_END_CYCLE, String(year), env.now))) return undefined;
  const title = `Evaluasi Satu Data ${year}`;
  const subject = await insertSubject(env.trx, {
    kind: YEAR_END_SUBJECT,
    title,
    year,
    agency_id: null,
    created_by: env.actor.userId,
  });
  const started = await startInstance(env, {
    definitionId: id,
    definition,
    subjectType: YEAR_END_SUBJECT,
    subjectId: subject.id,
    subjectTitle: title,
    agencyId: null,
    atStep,
  });
  await setCycleInstance(env.trx, YEAR_END_CYCLE, String(year), started.instance.id);
  return started.instance;
}

/** The evaluation run of a year and its open task (what the evaluation pages act on). */
export async function yearEndRun(
  db: Kysely<DB>,
  year: number,
): Promise<{ instance: WorkflowInstance; task: WorkflowTask | undefined } | undefined> {
  const instance = await yearEndInstance(db, year);
  if (!instance) return undefined;
  return { instance, task: instance.state === 'running' ? await openTaskOf(db, instance.id) : undefined };
}
