/**
 * One DataStore write (datastore_create, _upsert, _delete, _records_delete), whole or not at
 * all: in one transaction the resource is locked and authorized, a new version is made from the
 * one it serves (whose table stays, readable with `version`), the change is applied to the new
 * table, the new table is written as the version's file (what a rebuild after a restore loads),
 * the resource points at it, and a revision and an audit row record who changed what.
 */
import type { RawBuilder, Transaction } from 'kysely';
import { authorize } from '../../../kernel/access/policy.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { DB, Resource } from '../../../kernel/db/schema.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { StoredFile } from '../../../kernel/storage/file-store.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import {
  insertRevision,
  loadTargetForUpdate,
  refreshDatasetSearch,
  updateDataset,
} from '../../catalog/index.js';
import type { ValidationReport } from '../domain/validation/validation-report.js';
import { holdWrite } from '../extensions.js';
import { xlsxStream } from '../read/exporters.js';
import type { ReadableTable } from '../read/readable-table.js';
import { lockResource } from '../resource.repository.js';
import { markVersionComplete, pointResourceAtVersion } from '../resource-version.repository.js';
import { versionTableName } from '../version-table.js';
import {
  countRows,
  createTableFrom,
  insertWriteVersion,
  setVersionFile,
} from './datastore-write.repository.js';
import { findServedVersion } from './served-version.repository.js';

export const RESOURCE_NOT_FOUND = { id: 'Sumber daya tidak ditemukan', en: 'Resource not found' };

/** The largest file a write may produce (a DataStore write is for figures, not bulk loads). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface WriteTarget {
  trx: Transaction<DB>;
  resource: Resource;
  datasetId: string;
  /** The schema the new version is written with. */
  schema: TableSchema;
  /** The new version, its table already holding the previous version's rows. */
  version: { id: string; number: number };
  previousVersion: number | null;
}

/** The change to make on the new version's table; returns what the audit row says about it. */
export type Change = (target: WriteTarget) => Promise<Record<string, unknown>>;

/** The active resource, locked, once the actor may update its dataset; 404 / 403 otherwise. */
export async function lockWritableResource(ctx: ActionContext, trx: Transaction<DB>, id: string) {
  const r = await lockResource(trx, id.toLowerCase());
  if (r?.state !== 'active') throw new NotFoundError(RESOURCE_NOT_FOUND);
  const d = await loadTargetForUpdate(ctx, trx, r.dataset_id);
  authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
  return r;
}

function emptyReport(rows: number): ValidationReport {
  return { valid: true, row_count: rows, error_count: 0, warning_count: 0, errors: [], warnings: [] };
}

async function writeVersionFile(
  ctx: ActionContext,
  trx: Transaction<DB>,
  t: WriteTarget,
): Promise<StoredFile> {
  if (!ctx.files) throw new Error('a DataStore write needs the file store');
  const table = {
    tableName: versionTableName(t.version.id),
    resource: t.resource,
    columns: t.schema.fields.map((f) => ({ name: f.name, type: f.type, field: f })),
  } as unknown as ReadableTable;
  const base = (t.resource.name || 'data').replace(/[^\w.-]+/g, '-').slice(0, 80) || 'data';
  return ctx.files.save(xlsxStream(trx, table), `${base}-v${t.version.number}.xlsx`, MAX_FILE_BYTES);
}

/**
 * Run `change` as a new version of the resource. `schemaFor` decides the schema from the
 * resource (datastore_create may set the first one). With `dryRun` everything is checked and
 * done, then rolled back (CKAN's `dry_run`).
 */
export async function writeTable<R>(
  ctx: ActionContext,
  resourceId: string,
  opts: {
    action: string;
    dryRun?: boolean;
    schemaFor: (resource: Resource, trx: Transaction<DB>) => Promise<TableSchema> | TableSchema;
    change: Change;
    result: (t: WriteTarget, summary: Record<string, unknown>) => R;
  },
): Promise<R> {
  let stored: StoredFile | undefined;
  const rollback = new Error('dry run');
  let dryResult: R | undefined;
  try {
    return await mutate(ctx, async (trx, audit) => {
      const resource = await lockWritableResource(ctx, trx, resourceId);
      const schema = await opts.schemaFor(resource, trx);
      const served = await findServedVersion(trx, resource);
      const version = await insertWriteVersion(trx, resource.id, ctx.actor.userId);
      await createTableFrom(trx, version.id, schema, served?.table_name ?? null);
      const target: WriteTarget = {
        trx,
        resource,
        datasetId: resource.dataset_id,
        schema,
        version,
        previousVersion: served?.number ?? null,
      };
      const summary = await opts.change(target);
      const result = opts.result(target, summary);
      if (opts.dryRun) {
        dryResult = result;
        throw rollback;
      }
      const rows = await countRows(trx, version.id);
      stored = await writeVersionFile(ctx, trx, target);
      await setVersionFile(trx, version.id, stored);
      const now = new Date();
      const swapped = {
        id: version.id,
        resource_id: resource.id,
        storage_key: stored.key,
        file_name: stored.fileName,
        size_bytes: stored.size,
        sha256: stored.hash,
      };
      await markVersionComplete(trx, swapped, schema, emptyReport(rows), now);
      // A producer's write to a published dataset goes through the check flow first (issue #19):
      // the resource keeps serving what was published until the custodian publishes this version.
      const held = await holdWrite(trx, ctx, audit, {
        resourceId: resource.id,
        datasetId: resource.dataset_id,
        versionId: version.id,
      });
      if (!held) await pointResourceAtVersion(trx, swapped, resource.table_schema ? null : schema, now);
      await updateDataset(trx, resource.dataset_id, {});
      await refreshDatasetSearch(trx, resource.dataset_id);
      const what = {
        ...(held ? { held_for_check: true } : {}),
        version: version.number,
        version_id: version.id,
        previous_version: target.previousVersion,
        rows,
        ...summary,
      };
      await insertRevision(trx, {
        datasetId: resource.dataset_id,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.username,
        action: opts.action,
        changes: { resource: resource.id, ...what },
      });
      await audit({
        action: opts.action,
        subjectType: 'resource',
        subjectId: resource.id,
        summary: { dataset: resource.dataset_id, ...what },
      });
      return result;
    });
  } catch (err) {
    if (stored) await ctx.files?.remove(stored.key);
    if (err === rollback && dryResult !== undefined) return dryResult;
    throw err;
  }
}

/** Conditions built against the schema's columns (datastore_delete's filters). */
export type WhereBuilder = (schema: TableSchema) => RawBuilder<unknown>[];
