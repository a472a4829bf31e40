/**
 * The common end of every resource write: its upload queued for ingest, the dataset touched and
 * re-indexed, a revision and an audit row, all in the write's transaction; job runners woken
 * after commit.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type ActionContext, type Audit, mutate } from '../../../kernel/actions/context.js';
import type { DB, Resource } from '../../../kernel/db/schema.js';
import { notifyJobRunners } from '../../../kernel/jobs/job-runner.js';
import { insertRevision, refreshDatasetSearch, resourceDict, updateDataset } from '../../catalog/index.js';
import { setResourceTableSchema } from '../resource.repository.js';
import { createIngestVersion } from '../resource-versions.js';
import { ingestFormatOf, type ResourceFields } from './resource-fields.js';
import { checkCodeListsExist } from './resource-schema-update.js';

type ResourceDict = ReturnType<typeof resourceDict>;
type Saved = { dict: ResourceDict; ingest: { id: string; number: number } | undefined };

/** Run a resource write in one transaction; wakes the job runners when it queued an ingest. */
export async function writeResource(
  ctx: ActionContext,
  change: (trx: Transaction<DB>, audit: Audit) => Promise<Saved>,
): Promise<ResourceDict> {
  const result = await mutate(ctx, change);
  if (result.ingest) notifyJobRunners();
  return result.dict;
}

/** What the revision and the audit row say about a resource change. */
function changeSummary(r: Resource, previous: Resource | undefined, ingest: Saved['ingest']) {
  const replacedFile = previous?.storage_key && previous.storage_key !== r.storage_key;
  return {
    name: r.name,
    format: r.format,
    url_type: r.url_type,
    size: r.size,
    hash: r.hash,
    storage_key: r.storage_key,
    ...(ingest ? { ingest_version: ingest.number, ingest_version_id: ingest.id } : {}),
    ...(replacedFile
      ? {
          previous_storage_key: previous.storage_key,
          previous_hash: previous.hash,
          previous_size: previous.size,
        }
      : {}),
  };
}

/**
 * Record a resource change `r` with its revision, search refresh and audit row. When the change
 * replaces a stored file, the revision names the earlier key too, so that version stays findable.
 */
export async function recordResourceChange(
  ctx: ActionContext,
  trx: Transaction<DB>,
  audit: Audit,
  change: {
    action: string;
    datasetId: string;
    resource: Resource;
    previous?: Resource;
    upload?: Pick<
      z.infer<typeof ResourceFields>,
      'upload' | 'format' | 'sheet' | 'schema' | 'propose_schema'
    >;
  },
): Promise<Saved> {
  const { action, datasetId, resource: r, previous, upload } = change;
  // A schema sent with the write is declared before the upload is read (ingest reads it then).
  const declared = upload?.schema;
  if (declared) {
    await checkCodeListsExist(trx, declared);
    await setResourceTableSchema(trx, r.id, declared);
  }
  const ingestFormat = upload?.upload && ingestFormatOf(upload.upload, upload.format);
  const ingest =
    upload?.upload && ingestFormat
      ? await createIngestVersion(trx, {
          resourceId: r.id,
          storageKey: upload.upload.key,
          fileName: upload.upload.fileName,
          format: ingestFormat,
          sizeBytes: upload.upload.size,
          sha256: upload.upload.hash,
          createdBy: ctx.actor.userId,
          sheet: upload.sheet,
          proposeSchema: upload.propose_schema === true,
        })
      : undefined;
  await updateDataset(trx, datasetId, {});
  await refreshDatasetSearch(trx, datasetId);
  const summary = {
    ...changeSummary(r, previous, ingest),
    ...(declared ? { schema_fields: declared.fields.map((f) => `${f.name}:${f.type}`) } : {}),
  };
  await insertRevision(trx, {
    datasetId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    action,
    changes: { resource: r.id, ...summary },
  });
  await audit({
    action,
    subjectType: 'resource',
    subjectId: r.id,
    summary: { dataset: datasetId, ...summary },
  });
  return { dict: resourceDict(r, ctx.siteUrl ?? ''), ingest };
}
