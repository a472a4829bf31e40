/**
 * Shared Intl formatters. Building an Intl.DateTimeFormat or NumberFormat costs tens of
 * microseconds (locale data, time-zone rules) while using one costs about one: a dataset page
 * formats dozens of dates and numbers, and building a formatter per call took half a
 * millisecond of each page's CPU. Formatters are immutable, so one per locale and options is
 * kept for the life of the process (a few dozen at most: two locales, a handful of option sets,
 * the country's three time zones).
 */
import type { Locale } from './i18n.js';

/** The BCP 47 tag the portal formats a locale with. */
export const intlTag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** One formatter per BCP 47 tag and options, built by `build` on first use. */
function kept<F, O>(build: (locale: string, options: O) => F) {
  const formats = new Map<string, F>();
  return (tag: Locale | string, options: O): F => {
    const locale = tag === 'id' || tag === 'en' ? intlTag(tag) : tag;
    const key = `${locale}|${JSON.stringify(options)}`;
    let f = formats.get(key);
    if (!f) {
      f = build(locale, options);
      formats.set(key, f);
    }
    return f;
  };
}

const dateTimeFormats = kept(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
const numberFormats = kept(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);

/** Intl.DateTimeFormat for `tag` (a Locale or a BCP 47 tag) and options, built once. */
export function dateTimeFormat(
  tag: Locale | string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return dateTimeFormats(tag, options);
}

/** Intl.NumberFormat for `tag` (a Locale or a BCP 47 tag) and options, built once. */
export function numberFormat(
  tag: Locale | string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return numberFormats(tag, options);
}
