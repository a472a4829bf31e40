import { z } from 'zod';

/**
 * A file the HTTP layer streamed into the file store for this very request (`upload` in an
 * action's input). Only the server sets it: the API and the pages drop any client-sent `upload`
 * and never take a storage key from a client, so an action can trust that the key is a file the
 * caller just sent, not one somebody else stored.
 */
export const StoredUploadSchema = z.object({
  key: z.string().regex(/^resources\/[0-9a-f-]{36}\/[\w.-]{1,200}$/),
  size: z.number().int().min(1),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(200),
  mimetype: z.string().max(200).optional(),
});
export type StoredUpload = z.infer<typeof StoredUploadSchema>;
