import type { Kysely } from 'kysely';
import { workingMinutesBetween } from '../../kernel/calendar/working-time.js';
import type {
  RunRoutingRow,
  TaskDetail,
  TaskFileRow,
  WorkflowInstance,
  WorkflowTask,
} from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.js';
import { authorizeAssignment, checkFourEyes, parafOf } from './approvals.js';
import { END, stepById, type WorkflowStep } from './domain/definition.js';
import { definitionOf, isBackward } from './domain/outcomes.js';
import { sameFanOut, scopeOf } from './domain/scope.js';
import { openStep, type RunEnv } from './engine.js';
import { openTaskCount, saveRouting, saveTaskFiles } from './routing.repository.js';
import { applyChoice, type RunChoice } from './run-choice.js';
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
  /** The step's files (a step may take several); the first is also the task's attachment. */
  files?: TaskFileRow[] | undefined;
  /** What a choosing step picked for later steps. */
  choice?: RunChoice | undefined;
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
  await authorizeAssignment(env.trx, env.actor, task);
  const transition = step.transitions.find((t) => t.outcome === input.outcome);
  if (!transition) throw noSuchOutcome(input.outcome);
  await checkFourEyes(env.trx, env.actor, instance, step, task);
  if (step.chooses && !isBackward(input.outcome)) {
    const routing = await applyChoice(
      env.trx,
      definitionOf(instance),
      step,
      (instance.routing ?? {}) as RunRoutingRow,
      input.choice ?? {},
    );
    await saveRouting(env.trx, instance.id, routing);
    instance.routing = routing;
  }
  const paraf = await parafOf(env.trx, env.actor, step, input.outcome, env.now);
  const files = input.files ?? [];
  const closed = await claimTask(env.trx, task.id, {
    closedBy: env.actor.userId,
    closedByName: env.actor.username,
    closedAt: env.now,
    outcome: input.outcome,
    note: input.note?.trim() || null,
    detail: paraf ? { ...(input.detail ?? {}), paraf } : (input.detail ?? {}),
    workingMinutes: Math.max(0, workingMinutesBetween(env.calendar, new Date(task.opened_at), env.now)),
    attachmentKey: input.attachmentKey ?? files[0]?.key ?? null,
    attachmentName: input.attachmentName ?? files[0]?.name ?? null,
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
      ...(files.length ? { files: files.map((f) => f.name) } : {}),
      ...(paraf ? { paraf: paraf.name } : {}),
    },
  });
  if (files.length) await saveTaskFiles(env.trx, task.id, files);
  const next = await moveOn(env, loaded, transition.to);
  return { task: closed, instance, step, next };
}

/**
 * Open what follows a closed task. A fan-out task moving to a step over the same set stays in
 * its agency's lane (a return reopens that agency's task only); leaving the fan-out waits until
 * every agency has answered, then opens the next step once.
 */
async function moveOn(env: RunEnv, { task, instance, step }: LoadedTask, to: string) {
  if (scopeOf(step).kind !== 'fan_out') return openStep(env, instance, to);
  const target = to === END ? undefined : stepById(definitionOf(instance), to);
  if (target && sameFanOut(step, target)) return openStep(env, instance, to, { lane: task.agency_id });
  if ((await openTaskCount(env.trx, instance.id)) > 0) return null;
  return openStep(env, instance, to);
}
