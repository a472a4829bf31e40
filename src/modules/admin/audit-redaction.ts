/** A storage key as the file store makes it (kernel/storage/file-store.ts), anywhere in a string. */
const STORAGE_KEY = /resources\/[0-9a-f-]{36}\/[\w.-]{1,200}/g;

export const REDACTED_KEY = '[kunci berkas disembunyikan / storage key hidden]';

/**
 * An audit summary with every storage key replaced, for readers who may not see them: a key
 * names a stored file, and none may be handed to someone who cannot read that file (issue 11).
 * Works on any shape (object, array, or the JSON text a driver may return).
 */
export function redactStorageKeys(summary: unknown): unknown {
  if (typeof summary === 'string') return summary.replace(STORAGE_KEY, REDACTED_KEY);
  if (Array.isArray(summary)) return summary.map(redactStorageKeys);
  if (summary && typeof summary === 'object')
    return Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, redactStorageKeys(v)]));
  return summary;
}
