import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import { publishSubmission } from '../review-publish.js';

/** The custodian publishes a checked submission: the dataset becomes public on the portal. */
export const submissionPublish = defineAction({
  name: 'submission_publish',
  sideEffectFree: false,
  requires: 'dataset:publish',
  input: z.object({ id: z.string().min(1).max(100), note: z.string().max(10_000).default('') }),
  // The check needs the submission: publishSubmission authorizes the row it loads (locked) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    const { s } = await publishSubmission(ctx, input.id, input.note);
    return { id: s.id, dataset: s.dataset.name, published: true };
  },
});
