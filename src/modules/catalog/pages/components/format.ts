import { formatDateTime as formatInstant, type Locale } from '../../../../kernel/i18n/i18n.js';
import { dateTimeFormat, numberFormat } from '../../../../kernel/i18n/intl-formats.js';

/** The zone when a caller names none (pages pass the region's: `ctx.timeZone`). */
const TIME_ZONE = 'Asia/Jakarta';

/**
 * A CKAN timestamp (naive UTC, `2026-11-22T05:00:37.756`) or a Date as a Date. Without the
 * zone JavaScript would read it as local time, so a missing zone means UTC.
 */
export function parseCkanTime(value: string | Date | null | undefined): Date | null {
  if (!value) return null;
  if (value instanceof Date) return value;
  const iso = /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A date as the reader writes it (`22 Nov 2026`), in the region's time zone. */
export function formatDate(
  locale: Locale,
  value: string | Date | null | undefined,
  timeZone: string = TIME_ZONE,
): string {
  const d = parseCkanTime(value);
  return d ? dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(d) : '';
}

/** A date and time as the reader writes it, in the region's time zone, with the zone's name. */
export function formatDateTime(
  locale: Locale,
  value: string | Date | null | undefined,
  timeZone: string = TIME_ZONE,
): string {
  const d = parseCkanTime(value);
  return d ? formatInstant(locale, d, timeZone) : '';
}

/** A calendar date `YYYY-MM-DD` (no time zone: it is a day, not an instant). */
export function formatDay(locale: Locale, day: string | null | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day ?? '';
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A period `start – end` of calendar dates; one side may be open. */
export function formatPeriod(locale: Locale, start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (start && end && start === end) return formatDay(locale, start);
  return `${formatDay(locale, start) || '…'} – ${formatDay(locale, end) || '…'}`;
}

/** A whole number with the locale's grouping (`1.234` / `1,234`). */
export function formatNumber(locale: Locale, n: number): string {
  return numberFormat(locale).format(n);
}

/** A file size in B, KB, MB or GB (1 KB = 1024 B), e.g. `2,3 MB`. */
export function formatBytes(locale: Locale, bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(v)} ${units[i]}`;
}

/** The start of a text, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** Paragraphs of a plain-text description: split at blank lines; single line breaks are kept by CSS. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
