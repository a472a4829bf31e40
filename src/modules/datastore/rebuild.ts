/**
 * Backups hold no datastore tables (they are rebuilt from the stored files): after a restore,
 * every loaded version is queued to be loaded again, pending until then so readers get "not
 * found" rather than a missing table.
 */

import type { Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { enqueueJob } from '../../kernel/jobs/job-queue.js';
import { INGEST_JOB } from './ingest-job.js';

/** Queue a rebuild of every loaded version; returns how many. */
export async function queueDatastoreRebuild(trx: Transaction<DB>): Promise<number> {
  const versions = await trx
    .updateTable('resource_version')
    .set({ state: 'pending', table_name: null, rows_done: 0, bytes_done: 0 })
    .where('state', '=', 'complete')
    .returning('id')
    .execute();
  for (const v of versions) await enqueueJob(trx, INGEST_JOB, { versionId: v.id, rebuild: true });
  return versions.length;
}
