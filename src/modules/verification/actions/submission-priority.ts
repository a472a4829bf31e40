import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { mutate } from '../../../kernel/actions/context.js';
import { sendApprovedToReview } from '../review-publish.js';
import { afterCommit, loadDatasetFor, runEnv } from '../submissions.js';
import { setDatasetPriority } from '../submissions.repository.js';

/**
 * The custodian marks a dataset as priority data (Data Prioritas, as the forum agreed it): its
 * submissions then always go to the supervisor's review (Perpres 39/2019 art. 13). Marked after
 * the custodian approved (the review was skipped, the submission waits to be published), the
 * submission is sent to the supervisor before it can be published. One pass: the dataset is
 * loaded once, locked, in the transaction and the policy judges that row.
 */
export const datasetPrioritySet = defineAction({
  name: 'dataset_priority_set',
  sideEffectFree: false,
  requires: 'dataset:verify',
  input: z.object({
    id: z.string().min(1).max(200),
    priority: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
  }),
  // The check needs the dataset: run() authorizes the row it loads (locked) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    const result = await mutate(ctx, async (trx, audit) => {
      const d = await loadDatasetFor(trx, input.id, { forUpdate: true });
      authorize(ctx.actor, 'dataset:verify', { agencyId: d.agency_id });
      await setDatasetPriority(trx, d.id, input.priority);
      await audit({
        action: 'dataset_priority_set',
        subjectType: 'dataset',
        subjectId: d.id,
        summary: { priority: { from: d.priority, to: input.priority } },
      });
      const sentToReview =
        input.priority && !d.priority
          ? await sendApprovedToReview(await runEnv(ctx, trx, audit), d.id)
          : false;
      return { id: d.id, name: d.name, priority: input.priority, sent_to_review: sentToReview };
    });
    await afterCommit(ctx);
    return result;
  },
});
