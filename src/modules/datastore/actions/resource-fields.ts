/** What resource_create and resource_update accept, and the resource row they write from it. */
import { z } from 'zod';
import type { Resource } from '../../../kernel/db/schema.js';
import { ValidationError } from '../../../kernel/errors.js';
import { type StoredUpload, StoredUploadSchema } from '../../../kernel/storage/stored-upload.js';
import { tableSchemaInput } from '../domain/table-schema/table-schema-input.js';
import { isTabularFormat } from '../ingest-reading.js';

/**
 * A link resource's URL: http(s) with no whitespace or control character (a tab or line break
 * would turn the download redirect into another host or a 500, as `next` did: issue 11 finding 10).
 */
const LINK_URL = {
  test: (url: string) =>
    /^https?:\/\/\S+$/i.test(url) && ![...url].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
};

/** JSON text parsed; anything else (or text that is no JSON) left for the schema to refuse. */
export function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A form or JSON flag: `true`/`on`/`1` (form bodies send text). */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === 'on' || v === '1');

/** A file the HTTP layer already streamed into the file store (one definition, in the kernel). */
export { type StoredUpload, StoredUploadSchema };

export const ResourceFields = z.object({
  name: z.string().max(300).optional(),
  description: z.string().max(10_000).optional(),
  format: z.string().max(50).optional(),
  url: z.string().max(2000).optional(),
  upload: StoredUploadSchema.optional(),
  /** XLSX uploads: the sheet to load (name or 1-based position); default the first with a table. */
  sheet: z.string().max(200).optional(),
  /**
   * The Table Schema declared for the resource (ckanext-validation's `schema`: a JSON object or
   * JSON text). Saved with the write, before the upload is read, so even the first upload is
   * checked against it and refused when it does not fit.
   */
  schema: z.preprocess(parseJsonText, tableSchemaInput).optional(),
  /**
   * When the resource has no declared schema: hold the upload, propose the schema inferred from
   * it, and load nothing until the producer confirms (`resource_schema_confirm`). The back
   * office always asks for this; API clients that want CKAN's load-at-once behaviour leave it.
   */
  propose_schema: flag.optional(),
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

/** The resource row a create or update writes (a link, an upload, or a change of labels). */
export function resourceRow(input: z.infer<typeof ResourceFields>, current?: Resource) {
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
      // A form's empty name field means "no name": the file's name is what people recognise.
      name: input.name || current?.name || input.upload.fileName,
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
  if (!current && !LINK_URL.test(url))
    throw new ValidationError({
      url: [
        { id: 'Isi URL (http/https) atau unggah berkas', en: 'Give a URL (http/https) or upload a file' },
      ],
    });
  if (input.url !== undefined && !LINK_URL.test(input.url))
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
