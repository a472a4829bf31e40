import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { Audit } from '../../kernel/actions/context.js';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { RunRoutingRow, WorkflowInstance, WorkflowTask } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import {
  END,
  type StepFeature,
  stepById,
  type WorkflowDefinition,
  type WorkflowStep,
} from './domain/definition.js';
import { definitionOf, dueTime, forwardOutcome } from './domain/outcomes.js';
import { cycleStepIds, nextCycleStep, YEAR_END_SUBJECT, yearEndStepIds } from './domain/scope.js';
import { notifyTaskOpened } from './notify.js';
import { findSubject } from './routing.repository.js';
import {
  claimTask,
  endInstance,
  findDatasetPriority,
  findDatasetTitle,
  insertInstance,
  insertTask,
  openTaskOf,
} from './runs.repository.js';
import { stepTargets } from './step-targets.js';

/**
 * The workflow runtime: start an instance of a definition for a subject, open a task per step
 * reached (role, agency, due time in the region's working time), and move on by outcome
 * (task-act.ts). Every function runs inside the caller's mutate() transaction and writes its
 * audit rows.
 */

export interface RunEnv {
  trx: Kysely<DB>;
  audit: Audit;
  actor: Actor;
  calendar: WorkingCalendar;
  now: Date;
  siteUrl: string;
}

/** The instance's open task when its step drives `feature`; undefined otherwise. */
export async function openFeatureTask(trx: Kysely<DB>, instance: WorkflowInstance, feature: StepFeature) {
  const task = await openTaskOf(trx, instance.id);
  if (!task) return undefined;
  const step = stepById(definitionOf(instance), task.step_id);
  return step.feature === feature ? { task, step } : undefined;
}

/** What a run is about, by its title: a notice never names a run by its id. */
export async function subjectTitle(trx: Kysely<DB>, instance: WorkflowInstance): Promise<string> {
  if (instance.subject_type === 'dataset') {
    const title = await findDatasetTitle(trx, instance.subject_id);
    if (title !== undefined) return title;
  }
  if (instance.subject_title) return instance.subject_title;
  const subject = await findSubject(trx, instance.subject_id);
  // Never "process 23ac2c12": without a stored title the run is named by its SOP.
  return subject?.title ?? definitionOf(instance).title.id;
}

/**
 * Is this step skipped for this instance? The supervisor's review of a dataset runs always for
 * priority data (Perpres 39/2019 art. 13) and for other data only when the definition says so.
 */
async function skipped(trx: Kysely<DB>, instance: WorkflowInstance, step: WorkflowStep): Promise<boolean> {
  if (step.feature !== 'dataset_review') return false;
  if (definitionOf(instance).reviewNonPriority) return false;
  if (instance.subject_type !== 'dataset') return false;
  return !(await findDatasetPriority(trx, instance.subject_id));
}

/** Record a skipped step as a done task with outcome 'skipped'; returns the step it leads to. */
async function skipStep(
  env: RunEnv,
  instance: WorkflowInstance,
  step: WorkflowStep,
  agencyId: string | null,
): Promise<string> {
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
    // Said in the reader's language where the history is shown (outcome 'skipped').
    note: null,
    working_minutes: 0,
    detail: JSON.stringify({}),
  });
  return step.transitions.find((t) => t.outcome === outcome)?.to ?? END;
}

/** Finish an instance (its flow reached 'end'), with its audit row. */
async function completeInstance(env: RunEnv, instance: WorkflowInstance): Promise<void> {
  const def = definitionOf(instance);
  await endInstance(env.trx, instance.id, env.now);
  await env.audit({
    action: 'workflow_instance_complete',
    subjectType: 'workflow_instance',
    subjectId: instance.id,
    summary: { definition: def.key, version: def.version },
  });
}

/** How a step opens: quietly (its actor completes it in the same transaction), or in one fan-out lane. */
export interface OpenOptions {
  quiet?: boolean;
  /** A fan-out lane moving on: open the step for this agency only. */
  lane?: string | null;
}

/**
 * Where the flow really goes from `stepId` for this run: a dataset's run ends where the
 * data-list cycle's steps begin (a yearly evaluation is not opened after every dataset), a
 * cycle run passes over the per-dataset steps (each dataset runs them in its own run) and ends
 * before the year's evaluation, and the evaluation run of a year takes only its own steps.
 */
function routedStep(instance: WorkflowInstance, stepId: string): string {
  const def = definitionOf(instance);
  const cycle = cycleStepIds(def);
  if (cycle.size === 0 || stepId === END) return stepId;
  const yearEnd = yearEndStepIds(def);
  if (instance.subject_type === YEAR_END_SUBJECT) return yearEnd.has(stepId) ? stepId : END;
  if (instance.subject_type === 'dataset') return cycle.has(stepId) ? END : stepId;
  // The data-list cycle run ends where the year's evaluation begins: that is a run of its own.
  const next = cycle.has(stepId) ? stepId : nextCycleStep(def, stepId, cycle);
  return yearEnd.has(next) ? END : next;
}

/**
 * Open the tasks of `stepId` (or finish the instance at 'end'): one per target (step-targets.ts).
 * A skipped step is recorded as a done task with outcome 'skipped' and the flow continues along
 * its forward outcome. Returns the first task opened.
 */
export async function openStep(
  env: RunEnv,
  instance: WorkflowInstance,
  stepId: string,
  opts: OpenOptions = {},
): Promise<WorkflowTask | null> {
  const def = definitionOf(instance);
  let current = stepId;
  for (let guard = 0; guard < def.steps.length + 1; guard++) {
    current = routedStep(instance, current);
    if (current === END) {
      await completeInstance(env, instance);
      return null;
    }
    const step = stepById(def, current);
    if (await skipped(env.trx, instance, step)) {
      current = await skipStep(
        env,
        instance,
        step,
        step.agencyScope === 'subject' ? instance.agency_id : null,
      );
      continue;
    }
    const targets = await stepTargets(env.trx, instance, step, opts.lane);
    const title = await subjectTitle(env.trx, instance);
    let first: WorkflowTask | null = null;
    for (const target of targets) {
      const task = await insertTask(env.trx, {
        instance_id: instance.id,
        step_id: step.id,
        role: step.role,
        agency_id: target.agencyId,
        assignee_id: target.assigneeId,
        position: target.position,
        opened_at: env.now,
        due_at: dueTime(env.calendar, step, env.now),
        detail: JSON.stringify({}),
      });
      first ??= task;
      if (!opts.quiet)
        await notifyTaskOpened(env.trx, {
          taskId: task.id,
          role: step.role,
          agencyId: target.agencyId,
          assigneeId: target.assigneeId,
          position: target.position,
          stepTitle: step.title,
          subjectTitle: title,
          dueAt: task.due_at,
          siteUrl: env.siteUrl,
          timeZone: env.calendar.timeZone,
        });
    }
    return first;
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
    /** What the starter already chose for later steps (an agency, a set, a person). */
    routing?: RunRoutingRow;
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
    routing: JSON.stringify(opts.routing ?? {}),
    started_by: env.actor.userId,
    started_at: env.now,
  });
  await env.audit({
    action: 'workflow_instance_start',
    subjectType: 'workflow_instance',
    subjectId: instance.id,
    summary: { definition: def.key, version: def.version, subject: `${opts.subjectType}:${opts.subjectId}` },
  });
  const task = await openStep(env, instance, opts.atStep ?? def.start, { quiet: opts.quiet ?? false });
  return { instance, task };
}

/**
 * Send a running instance back to an earlier step: its open task is closed as 'rerouted' (with
 * a note saying why) and `stepId` opens as if reached. Used when a fact a skip relied on changed
 * (data marked priority after the custodian approved: the supervisor's review must run before
 * publication). Returns the task opened, undefined when the task was already taken.
 */
export async function divertToStep(
  env: RunEnv,
  instance: WorkflowInstance,
  task: WorkflowTask,
  stepId: string,
  reason: string,
): Promise<WorkflowTask | null | undefined> {
  const closed = await claimTask(env.trx, task.id, {
    closedBy: env.actor.userId,
    closedByName: env.actor.username,
    closedAt: env.now,
    outcome: 'rerouted',
    note: null,
    detail: { reason },
    workingMinutes: 0,
  });
  if (!closed) return undefined;
  await env.audit({
    action: 'workflow_task_reroute',
    subjectType: 'workflow_instance',
    subjectId: instance.id,
    summary: { from: task.step_id, to: stepId },
  });
  return openStep(env, instance, stepId);
}
