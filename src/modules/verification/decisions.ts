import { type ActionContext, mutate } from '../../kernel/actions/context.js';
import type { DatasetSubmission, TaskDetail } from '../../kernel/db/schema/workflow-runs.js';
import { ValidationError } from '../../kernel/errors.js';
import {
  type ActResult,
  actOnTask,
  decisionOutcome,
  definitionOf,
  OUTCOME_APPROVE,
  type RunEnv,
} from '../workflows/index.js';
import { featureTask, moveSubmission, requireReturnNotes } from './decision-steps.js';
import {
  afterCommit,
  type LoadedSubmission,
  lockSubmissionFor,
  runEnv,
  SDI_CHECKLIST,
} from './submissions.js';

/**
 * The custodian's decision on a submission, where its approve or return is decided: the
 * custodian verifies (approve / return with notes per checklist item, field and cell), one
 * submission or many at once. The supervisor's review and publication follow in
 * review-publish.ts. Each decision is one pass: load the submission locked in its transaction,
 * authorize the loaded row, guard the flow's state, change, audit; mails go after commit.
 */

export interface VerifyInput {
  outcome: 'approve' | 'return';
  note: string;
  checklist?: TaskDetail['checklist'];
  fields?: TaskDetail['fields'];
  cells?: TaskDetail['cells'];
}

/**
 * An approval records each checklist item as met: approving with an item unchecked or not met
 * is refused, naming the items (issue #17 item 4).
 */
function requireChecklist(input: VerifyInput) {
  if (input.outcome !== OUTCOME_APPROVE) return;
  const open = SDI_CHECKLIST.filter(
    (c) => !(input.checklist ?? []).some((x) => x.key === c.key && x.met === true),
  );
  if (open.length === 0) return;
  throw new ValidationError({
    checklist: [
      {
        id: `Tandai setiap butir daftar periksa terpenuhi sebelum menyetujui; belum: ${open.map((c) => c.id).join(', ')}`,
        en: `Mark every checklist item as met before approving; not yet: ${open.map((c) => c.en).join(', ')}`,
      },
    ],
  });
}

/** Every checklist item as met (a bulk approval, whose approver confirmed all of them for each). */
export function allChecked(): NonNullable<TaskDetail['checklist']> {
  return SDI_CHECKLIST.map((c) => ({ key: c.key, met: true, note: '' }));
}

async function verifyIn(env: RunEnv, s: DatasetSubmission, input: VerifyInput): Promise<ActResult> {
  requireReturnNotes(input);
  requireChecklist(input);
  const { task, step, instance } = await featureTask(env.trx, s, 'dataset_verify');
  await moveSubmission(
    env.trx,
    s,
    ['submitted'],
    input.outcome === OUTCOME_APPROVE ? 'verified' : 'returned',
  );
  return actOnTask(
    env,
    { task, step, instance },
    {
      outcome: decisionOutcome(definitionOf(instance), step, input.outcome),
      note: input.note,
      detail: {
        submissionId: s.id,
        checklist: input.checklist ?? [],
        fields: input.fields ?? [],
        cells: input.cells ?? [],
      },
    },
  );
}

/**
 * The custodian approves or returns one submission, with notes per item, field and cell: the
 * submission is loaded once, locked, in the transaction, and `dataset:verify` judged on it.
 */
export async function verifySubmission(ctx: ActionContext, id: string, input: VerifyInput) {
  const result = await mutate(ctx, async (trx, audit) => {
    const s = await lockSubmissionFor(ctx, trx, id, 'dataset:verify');
    return { s, act: await verifyIn(await runEnv(ctx, trx, audit), s, input) };
  });
  await afterCommit(ctx);
  return result;
}

/**
 * The custodian approves several submissions at once with one note: all or none. Each is
 * loaded, locked and authorized first (in the given order); a submission chosen twice is refused.
 */
export async function verifySubmissions(ctx: ActionContext, ids: string[], note: string, confirmed: boolean) {
  if (!confirmed)
    throw new ValidationError({
      checklist_confirmed: [
        {
          id: 'Nyatakan bahwa setiap butir daftar periksa terpenuhi untuk setiap pengiriman terpilih',
          en: 'Confirm that every checklist item is met for each chosen submission',
        },
      ],
    });
  const results = await mutate(ctx, async (trx, audit) => {
    const list: LoadedSubmission[] = [];
    for (const id of ids) list.push(await lockSubmissionFor(ctx, trx, id, 'dataset:verify'));
    if (new Set(ids).size !== ids.length)
      throw new ValidationError({
        ids: [{ id: 'Pengiriman yang sama dipilih dua kali', en: 'The same submission was chosen twice' }],
      });
    const env = await runEnv(ctx, trx, audit);
    const out: ActResult[] = [];
    for (const s of list)
      out.push(await verifyIn(env, s, { outcome: 'approve', note, checklist: allChecked() }));
    return out;
  });
  await afterCommit(ctx);
  return results;
}
