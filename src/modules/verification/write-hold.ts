/**
 * A producer's DataStore write to a published dataset goes through the check flow (issue #19
 * item 4): the write's new version is not served; it becomes a new submission the custodian
 * verifies (and BPS reviews when due), and publishing it serves it. The region's preset may
 * allow direct updates (`directUpdates`); the custodian and the administrator write directly.
 */
import type { Transaction } from 'kysely';
import { can } from '../../kernel/access/policy.js';
import type { ActionContext, Audit } from '../../kernel/actions/context.js';
import type { DatasetSubmission } from '../../kernel/db/schema/workflow-runs.js';
import type { DB } from '../../kernel/db/schema.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { pointResourceAtVersion, type WrittenVersion } from '../datastore/index.js';
import { definitionFor } from '../workflows/index.js';
import { loadDatasetFor, runEnv } from './submissions.js';
import { submitIn } from './submit.js';
import { findServedVersion, findVersion } from './write-hold.repository.js';

/** addWriteHold's function: true when the write became a submission instead of being served. */
export async function holdPublishedWrite(
  trx: Transaction<DB>,
  ctx: ActionContext,
  audit: Audit,
  written: WrittenVersion,
): Promise<boolean> {
  const dataset = await loadDatasetFor(trx, written.datasetId, { forUpdate: true });
  if (dataset.private || dataset.state !== 'active') return false;
  if (can(ctx.actor, 'dataset:publish', { agencyId: dataset.agency_id })) return false;
  const { definition } = await definitionFor(trx, 'dataset_collection');
  if (definition.directUpdates === true) return false;
  const v = await findVersion(trx, written.versionId);
  if (!v) throw new Error('written version missing');
  await submitIn(await runEnv(ctx, trx, audit), dataset, '', {
    resource_id: written.resourceId,
    version_id: v.id,
    version_number: v.number,
    table_name: v.table_name,
    row_count: v.row_count === null ? null : Number(v.row_count),
    size: Number(v.size_bytes),
    hash: v.sha256,
  });
  return true;
}

/**
 * Publishing serves what was submitted: a resource whose submitted version is not the one it
 * serves (a held DataStore write) is pointed at it.
 */
export async function serveSubmittedVersions(trx: Transaction<DB>, s: DatasetSubmission): Promise<void> {
  const now = new Date();
  for (const r of s.resources) {
    if (!r.version_id) continue;
    const resource = await findServedVersion(trx, r.resource_id);
    if (resource?.state !== 'active' || resource.datastore_version_id === r.version_id) continue;
    const v = await findVersion(trx, r.version_id);
    if (v?.state !== 'complete' || v.resource_id !== r.resource_id) continue;
    await pointResourceAtVersion(
      trx,
      {
        id: v.id,
        resource_id: v.resource_id,
        storage_key: v.storage_key,
        file_name: v.file_name,
        size_bytes: Number(v.size_bytes),
        sha256: v.sha256,
      },
      resource.table_schema ? null : (v.table_schema as TableSchema | null),
      now,
    );
  }
}
