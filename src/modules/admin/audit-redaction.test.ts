import { describe, expect, it } from 'vitest';
import { REDACTED_KEY, redactStorageKeys } from './audit-redaction.js';

const KEY = 'resources/0b5c1a0e-8f4e-4c1e-9d7a-2f1e3c4b5a69/rekap_puskesmas.csv';

describe('redactStorageKeys', () => {
  it('replaces storage keys at any depth and in JSON text, keeping everything else', () => {
    const summary = {
      name: 'Rekap',
      storage_key: KEY,
      previous: { previous_storage_key: KEY, size: 12 },
      list: [KEY, 'x'],
    };
    expect(redactStorageKeys(summary)).toEqual({
      name: 'Rekap',
      storage_key: REDACTED_KEY,
      previous: { previous_storage_key: REDACTED_KEY, size: 12 },
      list: [REDACTED_KEY, 'x'],
    });
    expect(redactStorageKeys(JSON.stringify({ storage_key: KEY }))).not.toContain('resources/');
    expect(redactStorageKeys(null)).toBeNull();
  });
});
