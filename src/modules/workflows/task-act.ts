import type { Kysely } from 'kysely';
import { workingMinutesBetween } from '../../kernel/calendar/working-time.js';
import type { TaskDetail, WorkflowInstance, WorkflowTask } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.js';
import { stepById, type WorkflowStep } from './domain/definition.js';
import { definitionOf } from './domain/outcomes.js';
import { openStep, type RunEnv } from './engine.js';
import { claimTask, findInstance, findTask } from './runs.repository.js';
import { authorizeActOn } from './task-access.js';

/** A task with its instance and the step of the instance's definition it belongs to. */
export interface LoadedTask {
  task: WorkflowTask;
  instance: WorkflowInstance;
  step: WorkflowStep;
}

export interface ActInput {
  outcome: string;
  note?: string | null | undefined;
  detail?: TaskDetail | undefined;
  attachmentKey?: string | null | undefined;
  attachmentName?: string | null | undefined;
}

export interface ActResult {
  task: WorkflowTask;
  instance: WorkflowInstance;
  step: WorkflowStep;
  next: WorkflowTask | null;
}

/**
 * Load a task with its instance and step (NotFoundError when there is none). An action that
 * acts on it loads it once, inside its transaction, with `forUpdate` (the row stays locked
 * until the change commits), then authorizes and acts on that row.
 */
export async function loadTask(
  db: Kysely<DB>,
  taskId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedTask> {
  const task = await findTask(db, taskId, opts);
  const instance = task && (await findInstance(db, task.instance_id));
  if (!task || !instance) throw new NotFoundError({ id: 'Tugas tidak ditemukan', en: 'Task not found' });
  const step = stepById(definitionOf(instance), task.step_id);
  return { task, instance, step };
}

function noSuchOutcome(outcome: string): ValidationError {
  return new ValidationError({
    outcome: [
      { id: `Keputusan '${outcome}' tidak ada pada langkah ini`, en: `No outcome '${outcome}' on this step` },
    ],
  });
}

/**
 * Act on a loaded open task with one of its step's outcomes: checked by the policy against the
 * loaded row, closed with a conditional UPDATE (exactly one of two concurrent calls succeeds;
 * the other gets a ConflictError), audited, and the next step opened.
 */
export async function actOnTask(env: RunEnv, loaded: LoadedTask, input: ActInput): Promise<ActResult> {
  const { task, instance, step } = loaded;
  authorizeActOn(env.actor, step, task.agency_id, instance.agency_id);
  const transition = step.transitions.find((t) => t.outcome === input.outcome);
  if (!transition) throw noSuchOutcome(input.outcome);
  const closed = await claimTask(env.trx, task.id, {
    closedBy: env.actor.userId,
    closedByName: env.actor.username,
    closedAt: env.now,
    outcome: input.outcome,
    note: input.note?.trim() || null,
    detail: input.detail ?? {},
    workingMinutes: Math.max(0, workingMinutesBetween(env.calendar, new Date(task.opened_at), env.now)),
    attachmentKey: input.attachmentKey ?? null,
    attachmentName: input.attachmentName ?? null,
  });
  if (!closed)
    throw new ConflictError({
      id: `Tugas "${step.title.id}" sudah diselesaikan orang lain`,
      en: `Task "${step.title.en}" was already completed by someone else`,
    });
  await env.audit({
    action: 'workflow_task_complete',
    subjectType: 'workflow_task',
    subjectId: task.id,
    summary: {
      instance: instance.id,
      step: step.id,
      outcome: input.outcome,
      note: closed.note,
      working_minutes: closed.working_minutes,
    },
  });
  const next = await openStep(env, instance, transition.to);
  return { task: closed, instance, step, next };
}
