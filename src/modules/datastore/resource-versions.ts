/**
 * A tabular upload becomes a `resource_version` (pending) and an `ingest` job, in the
 * transaction that records the upload, so both exist if and only if the upload committed.
 */

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { enqueueJob } from '../../kernel/jobs/job.repository.js';
import { INGEST_JOB } from './ingest-job.js';
import {
  insertNextVersion,
  listActiveVersionIds,
  listVersionsOfResources,
  type NewVersionRow,
  type ResourceVersionRow,
} from './resource-version.repository.js';

export { latestResourceVersion, listResourceVersions } from './resource-version.repository.js';

export interface NewIngest extends NewVersionRow {
  sheet?: string | undefined;
  /** Hold a first upload without a declared schema for the producer's confirmation. */
  proposeSchema?: boolean;
}

/** Insert the next version of the resource and queue its ingest; returns the version. */
export async function createIngestVersion(
  trx: Transaction<DB>,
  upload: NewIngest,
): Promise<{ id: string; number: number; jobId: number }> {
  const version = await insertNextVersion(trx, upload);
  const jobId = await enqueueJob(trx, INGEST_JOB, {
    versionId: version.id,
    ...(upload.sheet ? { sheet: upload.sheet } : {}),
    ...(upload.proposeSchema ? { proposeSchema: true } : {}),
  });
  return { ...version, jobId };
}

/** For the back office: each resource's latest versions (newest first) and its active one. */
export async function loadIngestViews(db: Kysely<DB>, resourceIds: string[], perResource = 10) {
  const views = new Map<string, { versions: ResourceVersionRow[]; activeVersionId: string | null }>();
  if (resourceIds.length === 0) return views;
  const [versions, resources] = await Promise.all([
    listVersionsOfResources(db, resourceIds),
    listActiveVersionIds(db, resourceIds),
  ]);
  for (const r of resources) views.set(r.id, { versions: [], activeVersionId: r.datastore_version_id });
  for (const v of versions) {
    const view = views.get(v.resource_id);
    if (view && view.versions.length < perResource) view.versions.push(v);
  }
  return views;
}
