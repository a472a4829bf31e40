import type { StandardSourceKind } from '../../../kernel/db/schema/metadata.js';

/**
 * Standar Data (Peraturan BPS 4/2020): concept, definition, classification, measure and unit,
 * with the source that sets the standard and, for national standards, the Kode SDSN
 * (Peraturan BPS 4/2021): two letters for the indicator type, a five-digit concept number, then
 * two-digit definition and classification numbers, e.g. `SP00055.00.00`.
 */
export const SDSN_CODE = /^[A-Z]{2}\d{5}\.\d{2}\.\d{2}$/;

export const STANDARD_SOURCE_KINDS: Record<StandardSourceKind, { id: string; en: string }> = {
  bps: { id: 'BPS', en: 'BPS (Statistics Indonesia)' },
  ministry: { id: 'Kementerian/Lembaga', en: 'Ministry or national agency' },
  regional: { id: 'Daerah', en: 'Regional government' },
};
export type { StandardSourceKind };

/** The fields of a standard that a version records (edits bump the version). */
export const STANDARD_CONTENT_KEYS = [
  'title',
  'concept',
  'definition',
  'classification',
  'measure',
  'unit',
  'source_kind',
  'source_reference',
  'sdsn_code',
  'table_schema',
] as const;
