import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { TaskDetail, WorkflowInstance, WorkflowTask } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError, NotAuthorizedError } from '../../kernel/errors.js';
import { stepById, type WorkflowStep } from './domain/definition.js';
import { definitionOf } from './domain/outcomes.js';
import { doneTasksOfSteps, positionsOf } from './routing.repository.js';

/**
 * Positions and four eyes (issue #12 item 3). A task for one person or one position is acted on
 * by that person or a holder of that position only; an approval step refuses the person who did
 * the work it approves, and records the approver's initials (paraf).
 */

/** Throw unless `actor` is the task's assignee (if any) and holds the task's position (if any). */
export async function authorizeAssignment(db: Kysely<DB>, actor: Actor, task: WorkflowTask): Promise<void> {
  if (task.assignee_id && task.assignee_id !== actor.userId)
    throw new NotAuthorizedError('task:act_assigned');
  if (!task.position) return;
  const held = actor.userId ? (await positionsOf(db, actor.userId)).get(task.role) : undefined;
  if (held !== task.position) throw new NotAuthorizedError('task:act_position');
}

/**
 * Four eyes: the latest work on each step this one approves (in the same fan-out lane, when the
 * task has an agency) must have been done by someone else.
 */
export async function checkFourEyes(
  db: Kysely<DB>,
  actor: Actor,
  instance: WorkflowInstance,
  step: WorkflowStep,
  task: WorkflowTask,
): Promise<void> {
  if (!step.approves?.length || !actor.userId) return;
  const done = await doneTasksOfSteps(db, instance.id, step.approves);
  const def = definitionOf(instance);
  for (const approved of step.approves) {
    const latest = done.find(
      (d) => d.step_id === approved && (!task.agency_id || d.agency_id === task.agency_id),
    );
    if (latest?.closed_by !== actor.userId) continue;
    const work = stepById(def, approved).title;
    throw new ConflictError({
      id: `Empat mata: Anda sendiri mengerjakan "${work.id}"; persetujuan "${step.title.id}" harus oleh orang lain`,
      en: `Four eyes: you did "${work.en}" yourself; "${step.title.en}" must be approved by someone else`,
    });
  }
}

/** The initials an approval step records: who, in which position, which outcome, when. */
export async function parafOf(
  db: Kysely<DB>,
  actor: Actor,
  step: WorkflowStep,
  outcome: string,
  at: Date,
): Promise<TaskDetail['paraf'] | undefined> {
  if (!step.approves?.length || !actor.userId) return undefined;
  const position = (await positionsOf(db, actor.userId)).get(step.role) ?? null;
  return {
    userId: actor.userId,
    name: actor.username,
    position,
    stepId: step.id,
    outcome,
    at: at.toISOString(),
  };
}
