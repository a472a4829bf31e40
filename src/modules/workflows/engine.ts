import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import type { Audit } from '../../kernel/actions/context.js';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { WorkflowInstance, WorkflowTask } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import {
  END,
  type StepFeature,
  stepById,
  type WorkflowDefinition,
  type WorkflowStep,
} from './domain/definition.js';
import { definitionOf, dueTime, forwardOutcome } from './domain/outcomes.js';
import { notifyTaskOpened } from './notify.js';
import {
  endInstance,
  findDatasetPriority,
  findDatasetTitle,
  insertInstance,
  insertTask,
  openTaskOf,
} from './runs.repository.js';

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
  if (instance.subject_title) return instance.subject_title;
  if (instance.subject_type === 'dataset') {
    const title = await findDatasetTitle(trx, instance.subject_id);
    if (title !== undefined) return title;
  }
  // Never "process 23ac2c12": without a stored title the run is named by its SOP.
  return definitionOf(instance).title.id;
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
    note: 'Bukan data prioritas: tidak wajib diperiksa Pembina Data / Not priority data: supervisor review not required',
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
      await completeInstance(env, instance);
      return null;
    }
    const step = stepById(def, current);
    const agencyId = step.agencyScope === 'subject' ? instance.agency_id : null;
    if (await skipped(env.trx, instance, step)) {
      current = await skipStep(env, instance, step, agencyId);
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
        timeZone: env.calendar.timeZone,
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
