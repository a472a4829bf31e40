import { z } from 'zod';
import { defineAction } from '../../../kernel/actions/action.js';
import type { DatasetSubmission } from '../../../kernel/db/schema/workflow-runs.js';
import { submitDataset } from '../submit.js';

/** A submission as the API returns it. */
export function submissionDict(s: DatasetSubmission) {
  return {
    id: s.id,
    dataset_id: s.dataset_id,
    number: s.number,
    state: s.state,
    submitted_at: new Date(s.submitted_at).toISOString(),
    submitted_by: s.submitted_by_name,
    note: s.note,
    resources: s.resources,
    metadata: s.metadata,
    recommendation_number: s.recommendation_number,
    recommendation_date: s.recommendation_date,
  };
}

/**
 * A producer submits the dataset for checking: a numbered submission freezes its metadata
 * and resource versions, and the workflow moves to the custodian's verification.
 */
export const submissionCreate = defineAction({
  name: 'submission_create',
  sideEffectFree: false,
  requires: 'dataset:submit',
  input: z.object({ dataset_id: z.string().min(1).max(200), note: z.string().max(10_000).default('') }),
  // The check needs the dataset: submitDataset authorizes the row it loads (locked) in its transaction.
  authorize: () => {},
  async run(ctx, input) {
    return submissionDict(await submitDataset(ctx, input.dataset_id, input.note));
  },
});
