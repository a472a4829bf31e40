import type { Kysely } from 'kysely';
import type { WorkflowInstance } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import {
  actOnTask,
  definitionFor,
  definitionOf,
  insertSubject,
  loadTask,
  type PlanningHook,
  type RunEnv,
  startInstance,
} from '../workflows/index.js';
import { openTasksAtSteps, runningCycleInstancesOf } from './cycle-run.repository.js';

/**
 * The data-list cycle run of a year (workflow contract of issue #12) driven by planning's own
 * records: a step tagged with a planning screen (`planning` on the step) is completed when that
 * screen's work is done — a forum's minutes close the forum step, generating the Berita Acara
 * closes the records step, enacting the list closes the enact step and, when that step chooses
 * agencies, chooses the agencies of the enacted list, so the collection step fans out to exactly
 * those agencies (one task each; a return in one agency's lane leaves the others alone).
 */

/** The running cycle runs of a year (subject kind data_list_cycle), newest first. */
export async function cycleRunsOf(db: Kysely<DB>, year: number): Promise<WorkflowInstance[]> {
  return runningCycleInstancesOf(db, year);
}

/** The open tasks of the year's cycle runs at a step tagged `hook`. */
async function openHookTasks(db: Kysely<DB>, year: number, hook: PlanningHook) {
  const out: { taskId: string; instance: WorkflowInstance }[] = [];
  for (const instance of await cycleRunsOf(db, year)) {
    const def = definitionOf(instance);
    const steps = def.steps.filter((s) => s.planning === hook).map((s) => s.id);
    if (steps.length === 0) continue;
    const tasks = await openTasksAtSteps(db, instance.id, steps);
    for (const t of tasks) out.push({ taskId: t.id, instance });
  }
  return out;
}

/**
 * Complete the year's open `hook` tasks with a note (and, for a step that chooses agencies,
 * those agencies). Returns the tasks completed.
 */
export async function advanceCycle(
  env: RunEnv,
  year: number,
  hook: PlanningHook,
  opts: { note: string; agencyIds?: string[] },
): Promise<number> {
  let done = 0;
  for (const { taskId } of await openHookTasks(env.trx, year, hook)) {
    const loaded = await loadTask(env.trx, taskId, { forUpdate: true });
    const outcome = loaded.step.transitions[0]?.outcome ?? 'done';
    await actOnTask(env, loaded, {
      outcome,
      note: opts.note,
      ...(loaded.step.chooses === 'agencies' && opts.agencyIds
        ? { choice: { agencyIds: opts.agencyIds } }
        : {}),
    });
    done++;
  }
  return done;
}

/**
 * Enactment opens the collection: the year's cycle run waiting at its enact step moves on with
 * the list's agencies; a year without a cycle run gets one of the region's data-list cycle SOP,
 * started at its enact step and completed there at once. Returns the run.
 */
export async function openCollection(
  env: RunEnv,
  year: number,
  agencyIds: string[],
  note: string,
): Promise<{ instanceId: string | null; advanced: number }> {
  const advanced = await advanceCycle(env, year, 'enact', { note, agencyIds });
  if (advanced > 0) {
    const [run] = await cycleRunsOf(env.trx, year);
    return { instanceId: run?.id ?? null, advanced };
  }
  if ((await cycleRunsOf(env.trx, year)).length > 0) return { instanceId: null, advanced: 0 };
  const { id, definition } = await definitionFor(env.trx, 'data_list_cycle');
  const enactStep = definition.steps.find((s) => s.planning === 'enact');
  if (!enactStep) return { instanceId: null, advanced: 0 };
  const title = `Daftar Data ${year}`;
  const subject = await insertSubject(env.trx, {
    kind: 'data_list_cycle',
    title,
    year,
    agency_id: null,
    created_by: env.actor.userId,
  });
  const started = await startInstance(env, {
    definitionId: id,
    definition,
    subjectType: 'data_list_cycle',
    subjectId: subject.id,
    subjectTitle: title,
    agencyId: null,
    atStep: enactStep.id,
    quiet: true,
  });
  const count = await advanceCycle(env, year, 'enact', { note, agencyIds });
  return { instanceId: started.instance.id, advanced: count };
}
