import type { Kysely } from 'kysely';
import { type Actor, canReadClassified } from '../../../kernel/access/policy.js';
import type { Dataset, DB, Resource } from '../../../kernel/db/schema.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import { findVersionOfFile } from '../datastore-read.repository.js';
import {
  currentSchema,
  loadReadableTable,
  parseSchema,
  type ReadableTable,
  readableFields,
  withCurrentClassification,
} from './readable-table.js';

/** The format a file generated in place of an upload takes: the upload's own. */
export type GeneratedFormat = 'csv' | 'tsv' | 'xlsx';

/**
 * What a download of an uploaded file serves to this reader:
 * - `original`: the bytes as uploaded, when the reader may read every column of the file (the
 *   policy's one rule, per column, with the resource's CURRENT classification), or the file has
 *   no columns to classify (not tabular);
 * - `generated`: the file holds a column the reader may not read (e.g. a NIK closed as personal
 *   data), so the reader gets that version's table from the datastore with only the columns they
 *   may read, in the upload's format;
 * - `withheld`: neither is possible (the upload is not checked yet, or it has no table).
 */
export type FileServing =
  | { kind: 'original'; classified: boolean }
  | { kind: 'generated'; table: ReadableTable; format: GeneratedFormat }
  | { kind: 'withheld'; reason: { id: string; en: string } };

const NOT_CHECKED = {
  id: 'Berkas ini belum selesai diperiksa (kolom data pribadi); coba lagi setelah datanya selesai dimuat',
  en: 'This file has not been checked yet (personal data columns); try again once its data are loaded',
};
const NO_OPEN_COPY = {
  id: 'Berkas ini memuat kolom tertutup dan tidak ada salinan tanpa kolom itu',
  en: 'This file holds closed columns and there is no copy without them',
};

function generatedFormat(format: string): GeneratedFormat {
  const f = format.trim().toUpperCase();
  if (f === 'XLSX' || f === 'XLS') return 'xlsx';
  return f === 'TSV' ? 'tsv' : 'csv';
}

/** Decide what the download of `resource`'s stored file serves to `actor` (see FileServing). */
export async function fileServing(
  db: Kysely<DB>,
  actor: Actor,
  resource: Pick<Resource, 'id' | 'storage_key' | 'table_schema'>,
  dataset: Pick<Dataset, 'agency_id'>,
  sharedWith: readonly string[],
): Promise<FileServing> {
  if (!resource.storage_key) return { kind: 'original', classified: false };
  const version = await findVersionOfFile(db, resource.id, resource.storage_key);
  if (!version) return { kind: 'original', classified: false };
  const loaded = parseSchema(version.table_schema);
  if (!loaded) {
    // Not read yet: nobody knows what it holds, so only who may read closed data gets it.
    return canReadClassified(actor, 'closed', { agencyId: dataset.agency_id })
      ? { kind: 'original', classified: true }
      : { kind: 'withheld', reason: NOT_CHECKED };
  }
  const schema = withCurrentClassification(loaded, currentSchema(resource));
  const classified = schema.fields.some((f) => (f['x-classification'] ?? 'open') !== 'open');
  if (readableFields(actor, dataset, sharedWith, schema).length === schema.fields.length)
    return { kind: 'original', classified };
  if (version.state !== 'complete') return { kind: 'withheld', reason: NOT_CHECKED };
  try {
    const table = await loadReadableTable(db, actor, resource.id, { version: version.number });
    return { kind: 'generated', table, format: generatedFormat(version.format) };
  } catch (err) {
    if (err instanceof NotFoundError || err instanceof ValidationError)
      return { kind: 'withheld', reason: NO_OPEN_COPY };
    throw err;
  }
}
