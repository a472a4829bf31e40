import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { reviewSubmission } from '../decisions.js';
import { loadSubmission } from '../submissions.js';

/**
 * The supervisor (Pembina Data, BPS) reviews a verified submission: records the statistical
 * recommendation (number and date) or returns it to the producer with a note.
 */
export const submissionReview = defineAction({
  name: 'submission_review',
  sideEffectFree: false,
  requires: 'dataset:review',
  input: z.object({
    id: z.string().min(1).max(100),
    outcome: z.enum(['approve', 'return']),
    note: z.string().max(10_000).default(''),
    recommendation_number: z.string().trim().max(100).optional(),
    recommendation_date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  }),
  async authorize(ctx, input) {
    const s = await loadSubmission(ctx.db, input.id);
    authorize(ctx.actor, 'dataset:review', { agencyId: s.dataset.agency_id });
  },
  async run(ctx, input) {
    const s = await loadSubmission(ctx.db, input.id);
    const r = await reviewSubmission(ctx, s, input);
    return { id: s.id, outcome: input.outcome, next_step: r.next?.step_id ?? null };
  },
});
