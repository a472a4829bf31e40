import type { FastifyRequest } from 'fastify';
import { BadRequestError } from '../../errors.js';
import type { FileStore, StoredFile } from '../../storage/file-store.js';

/** Part names of the several files an action may take (`acceptsManyUploads`). */
const MANY = /^(uploads|upload_\d{1,2})$/;

/**
 * The input of an API call: query parameters (GET), a JSON or form body, or multipart fields
 * with one file in `upload` (streamed into the file store as it arrives), and, for an action
 * that takes several, more in `upload_<n>` / `uploads` (`input.uploads`). A client can never
 * pass `upload(s)` itself: only a streamed file sets them. An empty file part (a form whose
 * optional file was left empty) is no file. When the action takes no file
 * (`acceptsUpload: false`), a file part is refused before a byte of it is stored.
 */
export async function readApiInput(
  req: FastifyRequest,
  files: FileStore,
  maxBytes: number,
  opts: { acceptsUpload: boolean; acceptsMany?: boolean } = { acceptsUpload: true },
): Promise<{ input: Record<string, unknown>; stored: StoredFile | undefined; storedAll: StoredFile[] }> {
  if (req.method === 'GET')
    return { input: { ...(req.query as Record<string, unknown>) }, stored: undefined, storedAll: [] };
  if (!req.isMultipart()) {
    const body = req.body;
    const input =
      body && typeof body === 'object' && !Array.isArray(body)
        ? { ...(body as Record<string, unknown>) }
        : {};
    delete input.upload;
    delete input.uploads;
    return { input, stored: undefined, storedAll: [] };
  }
  const input: Record<string, unknown> = {};
  let stored: StoredFile | undefined;
  const storedAll: StoredFile[] = [];
  const many: Record<string, unknown>[] = [];
  const maxFiles = opts.acceptsMany ? 20 : 1;
  try {
    for await (const part of req.parts({
      limits: { fileSize: maxBytes + 1, files: maxFiles, fields: 100 },
    })) {
      if (part.type === 'file') {
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        if (!opts.acceptsUpload) {
          part.file.resume();
          throw new BadRequestError({
            id: 'Aksi ini tidak menerima berkas: kirim tanpa unggahan',
            en: 'This action takes no file: send it without an upload',
          });
        }
        if (opts.acceptsMany && MANY.test(part.fieldname)) {
          const one = await files.save(part.file, part.filename, maxBytes);
          storedAll.push(one);
          many.push({ ...one, mimetype: part.mimetype, field: part.fieldname });
          continue;
        }
        if (part.fieldname !== 'upload' || stored) {
          part.file.resume();
          continue;
        }
        stored = await files.save(part.file, part.filename, maxBytes);
        storedAll.push(stored);
        input.upload = { ...stored, mimetype: part.mimetype };
      } else if (part.fieldname.endsWith('[]')) {
        // A list field (`agency_ids[]`: several agencies chosen) arrives as an array.
        const name = part.fieldname.slice(0, -2);
        input[name] = [...((input[name] as unknown[] | undefined) ?? []), part.value];
      } else if (part.fieldname !== 'upload' && part.fieldname !== 'uploads')
        input[part.fieldname] = part.value;
    }
    if (many.length) input.uploads = many;
  } catch (err) {
    for (const f of storedAll) await files.remove(f.key);
    // A form refused on its file (empty, too large) is shown again with what was typed.
    if (err && typeof err === 'object') Object.defineProperty(err, 'formInput', { value: input });
    throw err;
  }
  return { input, stored, storedAll };
}

/** The fields read before a multipart input was refused (readApiInput), to fill the form again. */
export function formInputOf(err: unknown): Record<string, unknown> {
  const input = err && typeof err === 'object' ? (err as { formInput?: unknown }).formInput : undefined;
  return input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}
