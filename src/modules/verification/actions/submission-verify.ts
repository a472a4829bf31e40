import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { verifySubmission, verifySubmissions } from '../decisions.js';
import { SDI_CHECKLIST } from '../submissions.js';

const CHECK_KEYS = SDI_CHECKLIST.map((c) => c.key) as [string, ...string[]];

export const VerifyInputSchema = z.object({
  id: z.string().min(1).max(100),
  outcome: z.enum(['approve', 'return']),
  note: z.string().max(10_000).default(''),
  checklist: z
    .array(
      z.object({
        key: z.enum(CHECK_KEYS),
        met: z.boolean().nullable().default(null),
        note: z.string().max(2000).default(''),
      }),
    )
    .max(20)
    .default([]),
  fields: z
    .array(z.object({ field: z.string().min(1).max(100), note: z.string().min(1).max(2000) }))
    .max(100)
    .default([]),
  cells: z
    .array(
      z.object({
        resource: z.string().max(300).default(''),
        row: z.coerce.number().int().min(1),
        column: z.string().min(1).max(200),
        note: z.string().min(1).max(2000),
      }),
    )
    .max(500)
    .default([]),
});

/**
 * The custodian (Walidata) checks a submission against the SDI checklist and approves it, or
 * returns it to the producer with notes per checklist item, per metadata field and per cell.
 */
export const submissionVerify = defineAction({
  name: 'submission_verify',
  sideEffectFree: false,
  requires: 'dataset:verify',
  input: VerifyInputSchema,
  // The check needs the submission: verifySubmission authorizes the row it loads (locked) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    const { s, act } = await verifySubmission(ctx, input.id, input);
    return { id: s.id, outcome: input.outcome, next_step: act.next?.step_id ?? null };
  },
});

/** The custodian approves several submissions at once with one note (all or none). */
export const submissionVerifyMany = defineAction({
  name: 'submission_verify_many',
  sideEffectFree: false,
  requires: 'dataset:verify',
  input: z.object({
    ids: z.array(z.string().min(1).max(100)).min(1).max(200),
    note: z.string().max(10_000).default(''),
    /** The approver states every checklist item is met for each (recorded so, item by item). */
    checklist_confirmed: z
      .union([z.boolean(), z.enum(['true', 'false', 'on']).transform((v) => v !== 'false')])
      .default(false),
  }),
  // The check needs each submission: verifySubmissions authorizes the rows it loads (locked) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    const results = await verifySubmissions(ctx, input.ids, input.note, input.checklist_confirmed);
    return results.map((r, i) => ({ id: input.ids[i], next_step: r.next?.step_id ?? null }));
  },
});
