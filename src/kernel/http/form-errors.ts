import { ValidationError } from '../errors.js';
import { type Locale, pick } from '../i18n/i18n.js';

/**
 * Turn a ValidationError into field → messages in one language for a form, or rethrow
 * anything else (conflicts and denials go to the error page).
 */
export function formErrors(err: unknown, locale: Locale): Record<string, string[]> {
  if (err instanceof ValidationError)
    return Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, v.map((m) => pick(locale, m))]));
  throw err;
}
