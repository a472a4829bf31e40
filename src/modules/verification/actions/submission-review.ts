import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { reviewSubmission } from '../review-publish.js';

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
  // The check needs the submission: reviewSubmission authorizes the row it loads (locked) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    const { s, act } = await reviewSubmission(ctx, input.id, input);
    return { id: s.id, outcome: input.outcome, next_step: act.next?.step_id ?? null };
  },
});
