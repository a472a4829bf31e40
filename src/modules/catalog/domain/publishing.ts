import type { Classification } from '../../../kernel/db/schema/sdi.js';
import { type Bilingual, ValidationError } from '../../../kernel/errors.js';

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
