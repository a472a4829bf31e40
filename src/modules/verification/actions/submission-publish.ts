import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { publishSubmission } from '../decisions.js';
import { loadSubmission } from '../submissions.js';

/** The custodian publishes a checked submission: the dataset becomes public on the portal. */
export const submissionPublish = defineAction({
  name: 'submission_publish',
  sideEffectFree: false,
  requires: 'dataset:publish',
  input: z.object({ id: z.string().min(1).max(100), note: z.string().max(10_000).default('') }),
  async authorize(ctx, input) {
    const s = await loadSubmission(ctx.db, input.id);
    authorize(ctx.actor, 'dataset:publish', { agencyId: s.dataset.agency_id });
  },
  async run(ctx, input) {
    const s = await loadSubmission(ctx.db, input.id);
    await publishSubmission(ctx, s, input.note);
    return { id: s.id, dataset: s.dataset.name, published: true };
  },
});
