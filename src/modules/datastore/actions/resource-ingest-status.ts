import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import type { ActionContext } from '../../../kernel/actions/context.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { findResource, loadVisibleDataset } from '../../catalog/index.js';
import { latestResourceVersion } from '../resource-version.repository.js';

const RESOURCE_NOT_FOUND = { id: 'Sumber daya tidak ditemukan', en: 'Resource not found' };

/** An active resource of a dataset the caller may see; NotFound otherwise (also when hidden). */
export async function loadVisibleResource(ctx: ActionContext, id: string) {
  const resource = await findResource(ctx.db, id);
  if (resource?.state !== 'active') throw new NotFoundError(RESOURCE_NOT_FOUND);
  await loadVisibleDataset(ctx, resource.dataset_id).catch(() => {
    throw new NotFoundError(RESOURCE_NOT_FOUND);
  });
  return resource;
}

/** The newest upload of a resource, or NotFound when it never had a tabular upload. */
export async function loadLatestVersion(ctx: ActionContext, resourceId: string) {
  const version = await latestResourceVersion(ctx.db, resourceId);
  if (!version)
    throw new NotFoundError({
      id: 'Sumber daya ini belum pernah diunggah sebagai tabel (CSV/XLSX)',
      en: 'This resource has no tabular (CSV/XLSX) upload',
    });
  return version;
}

/** The error people read for a version: the reader's message, or the validation summary. */
export function versionError(version: {
  state: string;
  error: { message: string; message_en?: string } | null;
  report: unknown;
}): { message: string; message_en: string } | null {
  if (version.state !== 'error') return null;
  if (version.error) return { message: version.error.message, message_en: version.error.message_en ?? '' };
  const count = (version.report as { error_count?: number } | null)?.error_count ?? 0;
  return {
    message: `Validasi gagal: ${count} kesalahan; tidak ada data yang dimuat. Lihat laporan validasi.`,
    message_en: `Validation failed: ${count} errors; nothing was loaded. See the validation report.`,
  };
}

/**
 * `resource_ingest_status?id=<resource id>`: where the latest upload of a tabular resource is —
 * state pending | running | complete | error, rows and bytes done, the file's size, the version
 * number and the error. Readable by whoever may see the dataset.
 */
export const resourceIngestStatus = defineAction({
  name: 'resource_ingest_status',
  sideEffectFree: true,
  input: z.object({ id: z.string().min(1).max(100) }),
  // The resource is loaded once, in run(): one the caller may not see is "not found" there.
  authorize: (ctx) => authorize(ctx.actor, 'portal:read'),
  async run(ctx, input) {
    const resource = await loadVisibleResource(ctx, input.id);
    const v = await loadLatestVersion(ctx, resource.id);
    return {
      resource_id: resource.id,
      version: v.number,
      version_id: v.id,
      state: v.state,
      rows_done: v.rows_done,
      bytes_done: v.bytes_done,
      bytes_total: v.size_bytes,
      row_count: v.row_count,
      file_name: v.file_name,
      active: resource.datastore_version_id === v.id,
      active_version_id: resource.datastore_version_id,
      created: v.created_at.toISOString(),
      started: v.started_at?.toISOString() ?? null,
      finished: v.finished_at?.toISOString() ?? null,
      error: versionError(v),
    };
  },
});
