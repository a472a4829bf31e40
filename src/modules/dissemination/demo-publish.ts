import type { Kysely } from 'kysely';
import type { Actor } from '../../kernel/access/policy.js';
import { executeAction } from '../../kernel/actions/action.js';
import type { ActionContext } from '../../kernel/actions/context.js';
import type { DB } from '../../kernel/db/schema.js';
import type { FileStore } from '../../kernel/storage/file-store.js';
import { loadActor } from '../accounts/index.js';
import {
  definitionOf,
  findInstance,
  forwardOutcome,
  openTaskOf,
  stepById,
  taskComplete,
  type WorkflowStep,
} from '../workflows/index.js';
import { publicationSubmit } from './actions/publication-actions.js';
import { taskCandidates } from './demo-people.repository.js';
import { findPublication } from './publication.repository.js';

/**
 * The demo's publications go through the region's dissemination SOP as people would: the maker
 * submits (publication_submit), then each open task of the run is completed (task_complete) by
 * a person the step routes to: its assignee, or a holder of its role and position, demo
 * accounts first. Nothing is hard-coded about the SOP's steps: whichever preset the region runs,
 * the run moves forward until it ends, so its history, initials and audit log are real. The
 * action judges every person tried (positions, four eyes); one refused is passed over.
 */

export interface DemoRunEnv {
  db: Kysely<DB>;
  files?: FileStore | undefined;
  requestId: string | null;
}

const SUBMIT_NOTE = 'Draf dan narasi siap dikoreksi.';
const CHECKED_NOTE = 'Sudah dikoreksi: angka, sumber dan narasi sesuai. Diparaf.';
const APPROVAL_NOTE: Partial<Record<string, string>> = { leader: 'Disetujui untuk dipublikasikan.' };

function noteFor(step: WorkflowStep, outcome: string, publishes: boolean): string {
  if (publishes) return 'Diunggah ke Portal Satu Data.';
  // The demo's words for each step's decision (wording only: who may decide is the policy's).
  if (outcome === 'approve') return APPROVAL_NOTE[step.role] ?? CHECKED_NOTE;
  return 'Selesai.';
}

/** Complete `taskId` with `outcome` as the first candidate the action accepts; false when none does. */
async function decide(
  env: DemoRunEnv,
  maker: Actor,
  task: { id: string; role: string; position: string | null; assignee_id: string | null },
  step: WorkflowStep,
  input: { outcome: string; note: string },
): Promise<boolean> {
  for (const userId of await taskCandidates(env.db, task)) {
    const ctx: ActionContext = {
      db: env.db,
      actor: await loadActor(env.db, userId),
      requestId: env.requestId,
      ip: null,
      files: env.files,
    };
    try {
      await executeAction(ctx, taskComplete, {
        id: task.id,
        ...input,
        // A disposition step names the person who does the work: the maker.
        ...(step.chooses === 'person' && maker.userId ? { assignee_id: maker.userId } : {}),
      });
      return true;
    } catch {
      // Not this person (another position, or four eyes): try the next one.
    }
  }
  return false;
}

/**
 * Submit publication `name` as `maker` and move its run forward. With `inReview`, stop at the
 * last check before publication (the run waits there, for its checker, not for the maker).
 * Safe to call again: a submitted run is picked up where it waits, a finished one is left.
 */
export async function publishDemoPublication(
  env: DemoRunEnv,
  maker: Actor,
  name: string,
  opts: { inReview?: boolean } = {},
): Promise<void> {
  let p = await findPublication(env.db, name);
  if (!p) return;
  if (!p.instance_id) {
    const ctx: ActionContext = {
      db: env.db,
      actor: maker,
      requestId: env.requestId,
      ip: null,
      files: env.files,
    };
    try {
      await executeAction(ctx, publicationSubmit, { name, note: SUBMIT_NOTE });
    } catch {
      // The maker no longer holds the drafting position (an administrator changed it): a draft stays.
      return;
    }
    p = await findPublication(env.db, name);
  }
  const instance = p?.instance_id ? await findInstance(env.db, p.instance_id) : undefined;
  if (!p || !instance) return;
  const def = definitionOf(instance);
  for (let guard = 0; guard < def.steps.length * 2; guard++) {
    const task = await openTaskOf(env.db, instance.id);
    if (!task) return;
    const step = stepById(def, task.step_id);
    const outcome = forwardOutcome(step);
    const next = step.transitions.find((t) => t.outcome === outcome)?.to;
    if (opts.inReview && next === p.publish_step) return;
    const note = noteFor(step, outcome, step.id === p.publish_step);
    if (!(await decide(env, maker, task, step, { outcome, note }))) return;
  }
}
