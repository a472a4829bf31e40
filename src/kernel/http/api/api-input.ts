import type { FastifyRequest } from 'fastify';
import { BadRequestError } from '../../errors.js';
import type { FileStore, StoredFile } from '../../storage/file-store.js';

/**
 * The input of an API call: query parameters (GET), a JSON or form body, or multipart fields
 * with one file in `upload` (streamed into the file store as it arrives). A client can never
 * pass `upload` itself: only a streamed file sets it. When the action takes no file
 * (`acceptsUpload: false`), a file part is refused before a byte of it is stored.
 */
export async function readApiInput(
  req: FastifyRequest,
  files: FileStore,
  maxBytes: number,
  opts: { acceptsUpload: boolean } = { acceptsUpload: true },
): Promise<{ input: Record<string, unknown>; stored: StoredFile | undefined }> {
  if (req.method === 'GET')
    return { input: { ...(req.query as Record<string, unknown>) }, stored: undefined };
  if (!req.isMultipart()) {
    const body = req.body;
    const input =
      body && typeof body === 'object' && !Array.isArray(body)
        ? { ...(body as Record<string, unknown>) }
        : {};
    delete input.upload;
    return { input, stored: undefined };
  }
  const input: Record<string, unknown> = {};
  let stored: StoredFile | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 100 } })) {
      if (part.type === 'file') {
        if (!opts.acceptsUpload && part.filename) {
          part.file.resume();
          throw new BadRequestError({
            id: 'Aksi ini tidak menerima berkas: kirim tanpa unggahan',
            en: 'This action takes no file: send it without an upload',
          });
        }
        if (!opts.acceptsUpload || part.fieldname !== 'upload' || stored) {
          part.file.resume();
          continue;
        }
        stored = await files.save(part.file, part.filename || 'data', maxBytes);
        input.upload = { ...stored, mimetype: part.mimetype };
      } else if (part.fieldname !== 'upload') input[part.fieldname] = part.value;
    }
  } catch (err) {
    if (stored) await files.remove(stored.key);
    throw err;
  }
  return { input, stored };
}
