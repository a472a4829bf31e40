import type { Classification } from '../db/schema/sdi.js';
import type { TableSchema } from '../domain/table-schema/table-schema.js';
import { type Bilingual, ValidationError } from '../errors.js';
import type { PiiFlag } from './pii.js';

export const CLASSIFICATION_LABELS: Record<Classification, Bilingual> = {
  open: { id: 'terbuka', en: 'open' },
  restricted: { id: 'terbatas', en: 'restricted' },
  closed: { id: 'tertutup', en: 'closed' },
};

/** Why a dataset of this classification may not be public, or null when it may. */
export function publishRefusal(classification: Classification): Bilingual | null {
  if (classification === 'open') return null;
  const l = CLASSIFICATION_LABELS[classification];
  return {
    id: `Dataset berklasifikasi ${l.id} tidak dapat dipublikasikan: hanya data terbuka yang boleh publik. Ubah klasifikasinya menjadi terbuka terlebih dahulu.`,
    en: `A ${l.en} dataset cannot be published: only open data may be public. Change its classification to open first.`,
  };
}

/**
 * Refuse making a dataset public (private = false) unless it is open data. The database
 * enforces the same rule (check dataset_public_only_open); this gives the bilingual reason.
 */
export function assertPublishable(d: { classification: Classification; private: boolean }): void {
  if (d.private) return;
  const reason = publishRefusal(d.classification);
  if (reason) throw new ValidationError({ private: [reason] }, reason);
}

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
