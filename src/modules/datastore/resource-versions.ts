/**
 * A tabular upload becomes a `resource_version` (pending) and an `ingest` job, in the
 * transaction that records the upload, so both exist if and only if the upload committed.
 */

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { enqueueJob } from '../../kernel/jobs/job-queue.js';
import { INGEST_JOB } from './ingest-job.js';

export interface NewIngest {
  resourceId: string;
  storageKey: string;
  fileName: string;
  format: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string | null;
  sheet?: string | undefined;
}

/** Insert the next version of the resource and queue its ingest; returns the version. */
export async function createIngestVersion(
  trx: Transaction<DB>,
  upload: NewIngest,
): Promise<{ id: string; number: number; jobId: number }> {
  const last = await trx
    .selectFrom('resource_version')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('resource_id', '=', upload.resourceId)
    .executeTakeFirst();
  const version = await trx
    .insertInto('resource_version')
    .values({
      resource_id: upload.resourceId,
      number: Number(last?.n ?? 0) + 1,
      storage_key: upload.storageKey,
      file_name: upload.fileName,
      format: upload.format.toUpperCase(),
      size_bytes: upload.sizeBytes,
      sha256: upload.sha256,
      created_by: upload.createdBy,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  const jobId = await enqueueJob(trx, INGEST_JOB, {
    versionId: version.id,
    ...(upload.sheet ? { sheet: upload.sheet } : {}),
  });
  return { ...version, jobId };
}

/** The resource's versions, newest first. */
export async function listResourceVersions(db: Kysely<DB>, resourceId: string, limit = 20) {
  return db
    .selectFrom('resource_version')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
}

/** The newest version of the resource, if any. */
export async function latestResourceVersion(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('resource_version')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** For the back office: each resource's latest versions (newest first) and its active one. */
export async function loadIngestViews(db: Kysely<DB>, resourceIds: string[], perResource = 10) {
  const views = new Map<
    string,
    { versions: Awaited<ReturnType<typeof listResourceVersions>>; activeVersionId: string | null }
  >();
  if (resourceIds.length === 0) return views;
  const [versions, resources] = await Promise.all([
    db
      .selectFrom('resource_version')
      .selectAll()
      .where('resource_id', 'in', resourceIds)
      .orderBy('resource_id')
      .orderBy('number', 'desc')
      .execute(),
    db.selectFrom('resource').select(['id', 'datastore_version_id']).where('id', 'in', resourceIds).execute(),
  ]);
  for (const r of resources) views.set(r.id, { versions: [], activeVersionId: r.datastore_version_id });
  for (const v of versions) {
    const view = views.get(v.resource_id);
    if (view && view.versions.length < perResource) view.versions.push(v);
  }
  return views;
}
