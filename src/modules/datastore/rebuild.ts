/**
 * Backups hold no datastore tables (they are rebuilt from the stored files): after a restore,
 * every loaded version is queued to be loaded again, pending until then so readers get "not
 * found" rather than a missing table.
 */

import type { Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { enqueueJob } from '../../kernel/jobs/job.repository.js';
import { INGEST_JOB } from './ingest-job.js';
import { markCompleteVersionsPending } from './resource-version.repository.js';

/** Queue a rebuild of every loaded version; returns how many. */
export async function queueDatastoreRebuild(trx: Transaction<DB>): Promise<number> {
  const versions = await markCompleteVersionsPending(trx);
  for (const v of versions) await enqueueJob(trx, INGEST_JOB, { versionId: v.id, rebuild: true });
  return versions.length;
}
