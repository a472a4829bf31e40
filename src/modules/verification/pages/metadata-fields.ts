/**
 * A submission's frozen metadata as people read it: labels instead of CKAN keys, a licence by
 * its name, yes/no instead of true/false, extras as "label: value" (issue #17 item 5).
 */
import type { Locale } from '../../../kernel/i18n/i18n.js';
import { FREQUENCIES, findLicense } from '../../catalog/index.js';
import { type VerificationMessage, vt } from './verification.messages.js';

/** The fields a submission freezes (submit.ts), each with a label. */
const LABELLED = new Set([
  'title',
  'notes',
  'license_id',
  'update_frequency',
  'temporal_start',
  'temporal_end',
  'spatial',
  'maintainer',
  'maintainer_email',
  'author',
  'version',
  'tags',
  'groups',
  'extras',
  'priority',
]);

/** The label of a frozen metadata field (a field added later reads "Other field", not its key). */
export function fieldLabel(locale: Locale, key: string): string {
  return LABELLED.has(key) ? vt(locale, `field.${key}` as VerificationMessage) : vt(locale, 'field.other');
}

/** A frozen value as text. */
export function fieldValue(locale: Locale, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return vt(locale, value ? 'value.yes' : 'value.no');
  if (key === 'license_id' && typeof value === 'string') return findLicense(value)?.title ?? value;
  if (key === 'update_frequency' && typeof value === 'string' && value in FREQUENCIES)
    return FREQUENCIES[value as keyof typeof FREQUENCIES][locale];
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k}: ${String(v)}`).join('; ');
  }
  return String(value);
}
