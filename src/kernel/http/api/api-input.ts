import type { FastifyRequest } from 'fastify';
import type { FileStore, StoredFile } from '../../storage/file-store.js';

/**
 * The input of an API call: query parameters (GET), a JSON or form body, or multipart fields
 * with one file in `upload` (streamed into the file store as it arrives). A client can never
 * pass `upload` itself: only a streamed file sets it.
 */
export async function readApiInput(
  req: FastifyRequest,
  files: FileStore,
  maxBytes: number,
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
        if (part.fieldname !== 'upload' || stored) {
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
