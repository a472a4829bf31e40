import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowFixture, type FlowFixture } from '../../../test/support/flow-fixtures.js';
import { DIALECTS } from '../../../test/support/test-database.js';
import { executeAction } from '../../kernel/actions/action.js';
import { ConflictError } from '../../kernel/errors.js';
import { submissionCreate } from './actions/submission-create.js';

for (const kind of DIALECTS) {
  describe(`submission_create loads, checks and changes the dataset in one pass on ${kind}`, () => {
    let f: FlowFixture;
    beforeAll(async () => {
      f = await createFlowFixture(kind);
    });
    afterAll(() => f?.t.drop());

    it('of two submissions of the same dataset at once, exactly one starts the check; the other waits and is refused', async () => {
      const id = await f.newDataset('kirim-serentak');
      const results = await Promise.allSettled([
        executeAction(f.as(f.producer), submissionCreate, { dataset_id: id, note: 'A' }),
        executeAction(f.as(f.producer), submissionCreate, { dataset_id: id, note: 'B' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const db = f.t.database.db;
      const instances = await db
        .selectFrom('workflow_instance')
        .select('id')
        .where('subject_id', '=', id)
        .execute();
      const submissions = await db
        .selectFrom('dataset_submission')
        .select('number')
        .where('dataset_id', '=', id)
        .execute();
      expect(instances).toHaveLength(1);
      expect(submissions.map((s) => s.number)).toEqual([1]);
    });
  });
}
