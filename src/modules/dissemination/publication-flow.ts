import type { Kysely, Transaction } from 'kysely';
import type { ActionContext, Audit } from '../../kernel/actions/context.js';
import type { Publication } from '../../kernel/db/schema/dissemination.js';
import type { DB } from '../../kernel/db/schema.js';
import { ConflictError } from '../../kernel/errors.js';
import {
  actOnTask,
  definitionFor,
  definitionOf,
  findInstance,
  forwardOutcome,
  loadCalendar,
  lockOpenTask,
  openTaskOf,
  type RunEnv,
  startInstance,
  stepById,
  type WorkflowDefinition,
} from '../workflows/index.js';
import { updatePublication } from './publication.repository.js';

/**
 * A publication goes through the region's dissemination SOP (process kind
 * `infographic_dissemination`: the Banyuwangi preset and the others) as the subject of a run,
 * with the second-generation contract: positions route each step, the checks refuse whoever
 * made the work (four eyes) and record their initials. The staff member who drafts submits;
 * their own steps (make, submit for correction) are completed in the same transaction, and the
 * run waits at the sub-coordinator's check. A return reopens the staff member's step: they edit
 * and submit again. The publication is public once the run reaches the upload step.
 */

export const SUBJECT_PUBLICATION = 'publication';

export async function runEnv(ctx: ActionContext, trx: Transaction<DB>, audit: Audit): Promise<RunEnv> {
  return {
    trx,
    audit,
    actor: ctx.actor,
    calendar: await loadCalendar(trx),
    now: new Date(),
    siteUrl: ctx.siteUrl ?? '',
  };
}

/** The step whose opening publishes: the last step that leads to the end of the run (the upload). */
export function publishStepOf(def: WorkflowDefinition): string {
  const last = [...def.steps].reverse().find((s) => s.transitions.some((t) => t.to === 'end'));
  return (last ?? def.steps[def.steps.length - 1])?.id ?? def.start;
}

/** Where the drafting staff member enters the run: after a disposition step that names them. */
function entry(def: WorkflowDefinition, userId: string | null) {
  const start = stepById(def, def.start);
  if (start.chooses !== 'person' || !userId) return { atStep: def.start, routing: {} };
  const next = start.transitions.find((t) => t.outcome === forwardOutcome(start))?.to ?? def.start;
  return { atStep: next, routing: { [start.id]: { userId } } };
}

/** Is the run of this publication waiting for its drafting staff (not started, or returned)? */
export async function awaitsStaff(db: Kysely<DB>, p: Publication): Promise<boolean> {
  if (!p.instance_id) return true;
  const instance = await findInstance(db, p.instance_id);
  if (instance?.state !== 'running') return false;
  const task = await openTaskOf(db, instance.id);
  if (!task) return false;
  const def = definitionOf(instance);
  const step = stepById(def, task.step_id);
  return step.transitions.length === 1 && step.id !== p.publish_step;
}

/** Submit (or resubmit after a return): start the run when there is none, then complete the staff's own steps. */
export async function submitPublication(
  env: RunEnv,
  p: Publication,
  note: string,
): Promise<{ waitingAt: string | null }> {
  let instanceId = p.instance_id;
  let publishStep = p.publish_step;
  if (!instanceId) {
    const { id, definition } = await definitionFor(env.trx, 'infographic_dissemination');
    const { atStep, routing } = entry(definition, env.actor.userId);
    const started = await startInstance(env, {
      definitionId: id,
      definition,
      subjectType: SUBJECT_PUBLICATION,
      subjectId: p.id,
      subjectTitle: p.title,
      agencyId: p.agency_id,
      routing,
      atStep,
      quiet: true,
    });
    instanceId = started.instance.id;
    publishStep = publishStepOf(definition);
    await updatePublication(env.trx, p.id, {
      instance_id: instanceId,
      publish_step: publishStep,
      updated_at: env.now,
    });
  }
  const instance = await findInstance(env.trx, instanceId);
  if (!instance) throw new Error('publication run vanished');
  const def = definitionOf(instance);
  let acted = 0;
  for (let guard = 0; guard < def.steps.length; guard++) {
    const open = await openTaskOf(env.trx, instance.id);
    if (!open) break;
    const step = stepById(def, open.step_id);
    if (step.transitions.length !== 1 || step.id === publishStep) break;
    if (open.assignee_id && open.assignee_id !== env.actor.userId) break;
    const task = await lockOpenTask(env.trx, open.id);
    if (!task) break;
    await actOnTask(env, { task, instance, step }, { outcome: forwardOutcome(step), note: note || null });
    acted++;
  }
  if (acted === 0)
    throw new ConflictError({
      id: `Publikasi "${p.title}" sedang diperiksa; ajukan lagi setelah dikembalikan`,
      en: `Publication "${p.title}" is being checked; submit again after it is returned`,
    });
  const open = await openTaskOf(env.trx, instance.id);
  return { waitingAt: open?.step_id ?? null };
}
