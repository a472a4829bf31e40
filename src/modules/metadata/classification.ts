import type { Bilingual } from '../../kernel/errors.js';
import type { TableSchema } from '../../kernel/table-schema/table-schema.js';
import { CLASSIFICATION_LABELS } from '../catalog/index.js';
import type { PiiFlag } from '../datastore/index.js';

export interface ReleaseBlocker {
  field: string;
  reason: Bilingual;
}

/**
 * Columns that keep a table from public release: a column classified restricted or closed
 * (Table Schema `x-classification`), or one flagged as a personal identifier that is not
 * masked (`x-masked: true` on the field).
 */
export function publicReleaseBlockers(
  schema: TableSchema,
  piiFlags: readonly PiiFlag[] = [],
): ReleaseBlocker[] {
  const out: ReleaseBlocker[] = [];
  for (const f of schema.fields) {
    const c = f['x-classification'];
    if (c && c !== 'open') {
      const l = CLASSIFICATION_LABELS[c];
      out.push({
        field: f.name,
        reason: {
          id: `Kolom ${f.name} berklasifikasi ${l.id}: tidak boleh dirilis ke publik`,
          en: `Column ${f.name} is ${l.en}: it may not be released to the public`,
        },
      });
      continue;
    }
    const flag = piiFlags.find((p) => p.field === f.name);
    const masked = (f as { 'x-masked'?: boolean })['x-masked'] === true;
    if (flag && !masked)
      out.push({
        field: f.name,
        reason: {
          id: `Kolom ${f.name} tampak berisi data pribadi (${flag.kinds.join(', ')}): samarkan dulu sebelum dirilis ke publik`,
          en: `Column ${f.name} looks like personal data (${flag.kinds.join(', ')}): mask it before public release`,
        },
      });
  }
  return out;
}
