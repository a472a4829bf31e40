import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { Audit } from '../../kernel/actions/context.js';
import { parseStandardDuration } from '../../kernel/calendar/duration.js';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import { addWorkingTime, workingMinutesBetween } from '../../kernel/calendar/working-time.js';
import type { TaskDetail, WorkflowInstance, WorkflowTask } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors.js';
import {
  DONE,
  END,
  type StepFeature,
  stepById,
  type WorkflowDefinition,
  type WorkflowStep,
} from './domain/definition.js';
import { notifyTaskOpened } from './notify.js';
import {
  claimTask,
  endInstance,
  findInstance,
  findTask,
  insertInstance,
  insertTask,
  openTaskOf,
} from './runs.repository.js';
import { authorizeActOn } from './task-access.js';

/**
 * The workflow runtime: start an instance of a definition for a subject, open a task per step
 * reached (role, agency, due time in the region's working time), and move on by outcome.
 * Every function runs inside the caller's mutate() transaction and writes its audit rows.
 */

export interface RunEnv {
  trx: Kysely<DB>;
  audit: Audit;
  actor: Actor;
  calendar: WorkingCalendar;
  now: Date;
  siteUrl: string;
}

export const OUTCOME_APPROVE = 'approve';
export const OUTCOME_RETURN = 'return';

export function definitionOf(instance: WorkflowInstance): WorkflowDefinition {
  return instance.definition as WorkflowDefinition;
}

/** Due time of a step opened at `openedAt`, or null when the SOP gives no standard time. */
export function dueTime(calendar: WorkingCalendar, step: WorkflowStep, openedAt: Date): Date | null {
  if (!step.duration) return null;
  const parsed = parseStandardDuration(step.duration);
  if (!parsed.ok || !parsed.duration) return null;
  return addWorkingTime(calendar, openedAt, parsed.duration);
}

/** The step tied to a platform feature (dataset flow); throws when the definition has none. */
export function featureStep(def: WorkflowDefinition, feature: StepFeature): WorkflowStep {
  const step = def.steps.find((s) => s.feature === feature);
  if (!step) throw new Error(`Workflow '${def.key}' v${def.version} has no ${feature} step`);
  return step;
}

/** The going-ahead outcome of a decision: 'approve', else the first that is not 'return'. */
export function forwardOutcome(step: WorkflowStep): string {
  const t =
    step.transitions.find((x) => x.outcome === OUTCOME_APPROVE) ??
    step.transitions.find((x) => x.outcome !== OUTCOME_RETURN) ??
    step.transitions[0];
  return t?.outcome ?? DONE;
}

/**
 * The outcome a dataset decision takes on a step: 'approve' is the step's forward outcome
 * (a preset may call it 'recommend'), 'return' the one that sends the data back for fixing.
 */
export function decisionOutcome(
  def: WorkflowDefinition,
  step: WorkflowStep,
  decision: 'approve' | 'return',
): string {
  if (decision === OUTCOME_APPROVE) return forwardOutcome(step);
  const back =
    step.transitions.find((t) => t.outcome === OUTCOME_RETURN) ??
    step.transitions.find((t) => def.steps.find((x) => x.id === t.to)?.feature === 'dataset_submit');
  if (!back)
    throw new ValidationError({
      outcome: [
        {
          id: `Langkah "${step.title.id}" tidak dapat dikembalikan`,
          en: `Step "${step.title.en}" cannot be returned`,
        },
      ],
    });
  return back.outcome;
}

/** The instance's open task when its step drives `feature`; undefined otherwise. */
export async function openFeatureTask(trx: Kysely<DB>, instance: WorkflowInstance, feature: StepFeature) {
  const task = await openTaskOf(trx, instance.id);
  if (!task) return undefined;
  const step = stepById(definitionOf(instance), task.step_id);
  return step.feature === feature ? { task, step } : undefined;
}

async function subjectTitle(trx: Kysely<DB>, instance: WorkflowInstance): Promise<string> {
  if (instance.subject_type === 'dataset') {
    const d = await trx
      .selectFrom('dataset')
      .select('title')
      .where('id', '=', instance.subject_id)
      .executeTakeFirst();
    if (d) return d.title;
  }
  return `${instance.subject_type} ${instance.subject_id.slice(0, 8)}`;
}

/**
 * Is this step skipped for this instance? The supervisor's review of a dataset runs always for
 * priority data (Perpres 39/2019 art. 13) and for other data only when the definition says so.
 */
async function skipped(trx: Kysely<DB>, instance: WorkflowInstance, step: WorkflowStep): Promise<boolean> {
  if (step.feature !== 'dataset_review') return false;
  if (definitionOf(instance).reviewNonPriority) return false;
  if (instance.subject_type !== 'dataset') return false;
  const d = await trx
    .selectFrom('dataset')
    .select('priority')
    .where('id', '=', instance.subject_id)
    .executeTakeFirst();
  return !d?.priority;
}

/**
 * Open the task of `stepId` (or finish the instance at 'end'). A skipped step is recorded as a
 * done task with outcome 'skipped' and the flow continues along its forward outcome.
 */
export async function openStep(
  env: RunEnv,
  instance: WorkflowInstance,
  stepId: string,
  quiet = false,
): Promise<WorkflowTask | null> {
  const def = definitionOf(instance);
  let current = stepId;
  for (let guard = 0; guard < def.steps.length + 1; guard++) {
    if (current === END) {
      await endInstance(env.trx, instance.id, env.now);
      await env.audit({
        action: 'workflow_instance_complete',
        subjectType: 'workflow_instance',
        subjectId: instance.id,
        summary: { definition: def.key, version: def.version },
      });
      return null;
    }
    const step = stepById(def, current);
    const agencyId = step.agencyScope === 'subject' ? instance.agency_id : null;
    if (await skipped(env.trx, instance, step)) {
      const outcome = forwardOutcome(step);
      await insertTask(env.trx, {
        instance_id: instance.id,
        step_id: step.id,
        role: step.role,
        agency_id: agencyId,
        state: 'done',
        opened_at: env.now,
        closed_at: env.now,
        closed_by_name: 'sistem',
        outcome: 'skipped',
        note: 'Bukan data prioritas: tidak wajib diperiksa Pembina Data / Not priority data: supervisor review not required',
        working_minutes: 0,
        detail: JSON.stringify({}),
      });
      current = step.transitions.find((t) => t.outcome === outcome)?.to ?? END;
      continue;
    }
    const task = await insertTask(env.trx, {
      instance_id: instance.id,
      step_id: step.id,
      role: step.role,
      agency_id: agencyId,
      opened_at: env.now,
      due_at: dueTime(env.calendar, step, env.now),
      detail: JSON.stringify({}),
    });
    if (!quiet)
      await notifyTaskOpened(env.trx, {
        taskId: task.id,
        role: step.role,
        agencyId,
        stepTitle: step.title,
        subjectTitle: await subjectTitle(env.trx, instance),
        dueAt: task.due_at,
        siteUrl: env.siteUrl,
      });
    return task;
  }
  throw new Error(`Workflow '${def.key}': skipping steps went round in a loop`);
}

/** Start an instance for a subject at the definition's start (or at `atStep`). */
export async function startInstance(
  env: RunEnv,
  opts: {
    definitionId: string | null;
    definition: WorkflowDefinition;
    subjectType: string;
    subjectId: string;
    subjectTitle?: string;
    agencyId: string | null;
    atStep?: string;
    /** Do not notify about the first task (its actor completes it in the same transaction). */
    quiet?: boolean;
  },
): Promise<{ instance: WorkflowInstance; task: WorkflowTask | null }> {
  const def = opts.definition;
  const instance = await insertInstance(env.trx, {
    definition_id: opts.definitionId,
    definition_key: def.key,
    definition_version: def.version,
    definition: JSON.stringify(def),
    process_kind: def.processKind,
    subject_type: opts.subjectType,
    subject_id: opts.subjectId,
    subject_title: opts.subjectTitle ?? null,
    agency_id: opts.agencyId,
    started_by: env.actor.userId,
    started_at: env.now,
  });
  await env.audit({
    action: 'workflow_instance_start',
    subjectType: 'workflow_instance',
    subjectId: instance.id,
    summary: { definition: def.key, version: def.version, subject: `${opts.subjectType}:${opts.subjectId}` },
  });
  const task = await openStep(env, instance, opts.atStep ?? def.start, opts.quiet);
  return { instance, task };
}

export interface ActInput {
  taskId: string;
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

/** Load a task with its instance and step, for authorizing before acting. */
export async function loadTask(db: Kysely<DB>, taskId: string) {
  const task = await findTask(db, taskId);
  const instance = task && (await findInstance(db, task.instance_id));
  if (!task || !instance) throw new NotFoundError({ id: 'Tugas tidak ditemukan', en: 'Task not found' });
  const step = stepById(definitionOf(instance), task.step_id);
  return { task, instance, step };
}

/**
 * Act on an open task with one of its step's outcomes: checked by the policy, closed with a
 * conditional UPDATE (exactly one of two concurrent calls succeeds; the other gets a
 * ConflictError), audited, and the next step opened.
 */
export async function actOnTask(env: RunEnv, input: ActInput): Promise<ActResult> {
  const { task, instance, step } = await loadTask(env.trx, input.taskId);
  authorizeActOn(env.actor, step, task.agency_id, instance.agency_id);
  const transition = step.transitions.find((t) => t.outcome === input.outcome);
  if (!transition)
    throw new ValidationError({
      outcome: [
        {
          id: `Keputusan '${input.outcome}' tidak ada pada langkah ini`,
          en: `No outcome '${input.outcome}' on this step`,
        },
      ],
    });
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
