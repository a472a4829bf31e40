import { zoneAbbreviation } from '../calendar/region-time-zone.js';
import type { Bilingual } from '../errors.js';
import { dateTimeFormat } from './intl-formats.js';
import { EN } from './messages.en.js';
import { ID, type MessageKey } from './messages.id.js';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';
export type { MessageKey };

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { id: ID, en: EN };

export function isLocale(v: unknown): v is Locale {
  return v === 'id' || v === 'en';
}

/** Translate a key, filling `{name}` placeholders from params. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = CATALOGS[locale][key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Pick one language of a two-language message (errors carry both). */
export function pick(locale: Locale, text: Bilingual): string {
  return locale === 'en' ? text.en : text.id;
}

/** A translator bound to one locale, handed to templates. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export function translator(locale: Locale): Translate {
  return (key, params) => t(locale, key, params);
}

/**
 * Dates and times in the user's language, in the region's time zone, with the zone's name
 * ("7 Des 2026, 10.00 WIT"): readers in three zones must never guess which clock is meant.
 */
export function formatDateTime(locale: Locale, d: Date | string, timeZone = 'Asia/Jakarta'): string {
  const text = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(d),
  );
  const zone = zoneAbbreviation(timeZone);
  return zone ? `${text} ${zone}` : text;
}

/**
 * A message catalog for one area of the UI, kept beside its pages (the core catalog stays
 * small). English must have exactly the Indonesian keys; the compiler checks it.
 */
export function defineMessages<K extends string>(catalog: { id: Record<K, string>; en: Record<K, string> }) {
  return (locale: Locale, key: K, params: Record<string, string | number> = {}): string =>
    catalog[locale][key].replace(/\{(\w+)\}/g, (m, name: string) =>
      name in params ? String(params[name]) : m,
    );
}
