import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../errors.js';
import type { MessageKey } from '../i18n/i18n.js';
import { bilingual } from './admin-form.js';

/** A refused upload, as a field error on `file` (shown beside the upload form). */
function uploadError(key: MessageKey): ValidationError {
  return new ValidationError({ file: [bilingual(key)] }, bilingual('admin.import.refused'));
}

/** The base name of an uploaded file, for messages; never a path. */
function baseName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop()?.trim() ?? '';
  return base ? base.slice(0, 200) : 'agencies.csv';
}

/**
 * Read the one uploaded file of a multipart form as UTF-8 text. A missing, empty, too large or
 * non-UTF-8 file is a ValidationError in both languages rather than a server error; the size
 * limit (5 MB) is @fastify/multipart's, set in app.ts.
 */
export async function readCsvUpload(req: FastifyRequest): Promise<{ csv: string; fileName: string }> {
  if (!req.isMultipart()) throw uploadError('admin.import.noFile');
  const part = await req.file();
  if (!part) throw uploadError('admin.import.noFile');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw uploadError('admin.import.tooLarge');
    throw err;
  }
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw uploadError('admin.import.notUtf8');
  }
  if (csv.replace(/^\uFEFF/, '').trim() === '') throw uploadError('admin.import.empty');
  return { csv, fileName: baseName(part.filename) };
}
