import { z } from 'zod';
import { authorize } from '../../../kernel/access/policy.js';
import { defineAction } from '../../../kernel/actions/action.js';
import { type ActionContext, mutate } from '../../../kernel/actions/context.js';
import type { Resource } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { notifyJobRunners } from '../../../kernel/jobs/job-runner.js';
import {
  findResource,
  insertResource,
  insertRevision,
  loadTarget,
  refreshDatasetSearch,
  resourceDict,
  updateDataset,
  updateResource,
} from '../../catalog/index.js';
import { isTabularFormat } from '../ingest.js';
import { createIngestVersion } from '../resource-versions.js';

/**
 * A file the HTTP layer already streamed into the file store. Only the server sets it: routes
 * drop any client-sent `upload` key before calling, and the key pattern is checked again.
 */
export const StoredUploadSchema = z.object({
  key: z.string().regex(/^resources\/[0-9a-f-]{36}\/[\w.-]{1,200}$/),
  size: z.number().int().min(1),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(200),
  mimetype: z.string().max(200).optional(),
});
export type StoredUpload = z.infer<typeof StoredUploadSchema>;

const ResourceFields = z.object({
  name: z.string().max(300).optional(),
  description: z.string().max(10_000).optional(),
  format: z.string().max(50).optional(),
  url: z.string().max(2000).optional(),
  upload: StoredUploadSchema.optional(),
  /** XLSX uploads: the sheet to load (name or 1-based position); default the first with a table. */
  sheet: z.string().max(200).optional(),
});

/** Guess a format label from a file name, as CKAN does when none is given. */
export function formatFromName(name: string): string {
  const ext = name.split('.').pop()?.toUpperCase() ?? '';
  return /^[A-Z0-9]{1,10}$/.test(ext) && name.includes('.') ? ext : '';
}

/**
 * The format an upload is read as: its file name's extension when that is a tabular one (so a
 * mislabelled file gets the reader's clear error), else the format given. Undefined when the
 * upload is not tabular and keeps today's behaviour (stored and downloadable only).
 */
export function ingestFormatOf(upload: StoredUpload, given: string | undefined): string | undefined {
  const fromName = formatFromName(upload.fileName);
  if (isTabularFormat(fromName)) return fromName;
  if (given && isTabularFormat(given)) return given.toUpperCase();
  return undefined;
}

function resourceRow(input: z.infer<typeof ResourceFields>, current?: Resource) {
  // A tabular upload on a resource whose datastore already serves a version: the resource
  // keeps its current file until the new one is validated and swapped in (ingest.ts).
  if (input.upload && current?.datastore_version_id && ingestFormatOf(input.upload, input.format))
    return {
      name: input.name ?? current.name,
      description: input.description ?? current.description,
      format: input.format || current.format,
    };
  if (input.upload)
    return {
      name: input.name ?? current?.name ?? input.upload.fileName,
      description: input.description ?? current?.description ?? '',
      format: input.format || formatFromName(input.upload.fileName),
      url: input.upload.fileName,
      url_type: 'upload' as const,
      storage_key: input.upload.key,
      size: input.upload.size,
      hash: input.upload.hash,
      mimetype: input.upload.mimetype ?? null,
      last_modified: new Date(),
    };
  const url = input.url ?? current?.url ?? '';
  if (!current && !/^https?:\/\//i.test(url))
    throw new ValidationError({
      url: [
        { id: 'Isi URL (http/https) atau unggah berkas', en: 'Give a URL (http/https) or upload a file' },
      ],
    });
  if (input.url !== undefined && !/^https?:\/\//i.test(input.url))
    throw new ValidationError({
      url: [{ id: 'URL harus http atau https', en: 'URL must be http or https' }],
    });
  const isLink = input.url !== undefined;
  return {
    name: input.name ?? current?.name ?? '',
    description: input.description ?? current?.description ?? '',
    format: input.format ?? current?.format ?? '',
    ...(isLink ? { url, url_type: null, storage_key: null, size: null, hash: null, mimetype: null } : {}),
  };
}

async function authorizeOnDataset(ctx: ActionContext, datasetId: string) {
  const d = await loadTarget(ctx, datasetId);
  authorize(ctx.actor, 'dataset:update', { agencyId: d.agency_id });
  return d;
}

async function loadResourceTarget(ctx: ActionContext, id: string) {
  const r = await findResource(ctx.db, id);
  if (r?.state !== 'active')
    throw new NotFoundError({ id: 'Sumber daya tidak ditemukan', en: 'Resource not found' });
  return { resource: r, dataset: await authorizeOnDataset(ctx, r.dataset_id) };
}

/**
 * Write a resource change with its revision, search refresh and audit row. When the change
 * replaces a stored file, the revision names the earlier key too, so that version stays findable.
 */
async function saveResource(
  ctx: ActionContext,
  action: string,
  datasetId: string,
  write: (trx: Parameters<Parameters<typeof mutate>[1]>[0]) => Promise<Resource>,
  previous?: Resource,
  upload?: Pick<z.infer<typeof ResourceFields>, 'upload' | 'format' | 'sheet'>,
) {
  const result = await mutate(ctx, async (trx, audit) => {
    const r = await write(trx);
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
          })
        : undefined;
    await updateDataset(trx, datasetId, {});
    await refreshDatasetSearch(trx, datasetId);
    const replacedFile = previous?.storage_key && previous.storage_key !== r.storage_key;
    const summary = {
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
  });
  if (result.ingest) notifyJobRunners();
  return result.dict;
}

/** CKAN `resource_create`: a link (url) or an uploaded file (multipart `upload`) on a dataset. */
export const resourceCreate = defineAction({
  name: 'resource_create',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: ResourceFields.extend({ package_id: z.string().min(1) }),
  authorize: async (ctx, input) => {
    await authorizeOnDataset(ctx, input.package_id);
  },
  async run(ctx, input) {
    const d = await loadTarget(ctx, input.package_id);
    const row = resourceRow(input);
    return saveResource(
      ctx,
      'resource_create',
      d.id,
      (trx) => insertResource(trx, { dataset_id: d.id, ...row }),
      undefined,
      input,
    );
  },
});

/**
 * CKAN `resource_update`: change a resource; a new upload gets a new stored file and the old
 * file is kept (the revision names both), so every version stays retrievable.
 */
export const resourceUpdate = defineAction({
  name: 'resource_update',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: ResourceFields.extend({ id: z.string().min(1) }),
  authorize: async (ctx, input) => {
    await loadResourceTarget(ctx, input.id);
  },
  async run(ctx, input) {
    const { resource } = await loadResourceTarget(ctx, input.id);
    const row = resourceRow(input, resource);
    return saveResource(
      ctx,
      'resource_update',
      resource.dataset_id,
      (trx) => updateResource(trx, resource.id, row),
      resource,
      input,
    );
  },
});

/** CKAN `resource_delete`: a soft delete; the stored file stays for the record. */
export const resourceDelete = defineAction({
  name: 'resource_delete',
  requires: 'dataset:update',
  sideEffectFree: false,
  input: z.object({ id: z.string().min(1) }),
  authorize: async (ctx, input) => {
    await loadResourceTarget(ctx, input.id);
  },
  async run(ctx, input) {
    const { resource } = await loadResourceTarget(ctx, input.id);
    await saveResource(ctx, 'resource_delete', resource.dataset_id, (trx) =>
      updateResource(trx, resource.id, { state: 'deleted' }),
    );
    return null;
  },
});
