import { AppError, ValidationError } from '../../../kernel/errors.js';
import { type Locale, pick } from '../../../kernel/i18n/i18n.js';

/**
 * A refused form's messages: field errors, or a conflict / rate limit / refusal as one message
 * at the top (the page is shown again with what was typed). Anything else is rethrown.
 */
export function refusal(
  err: unknown,
  locale: Locale,
): { errors: Record<string, string[]>; status: number } | null {
  if (err instanceof ValidationError)
    return {
      errors: Object.fromEntries(
        Object.entries(err.fields).map(([k, v]) => [k, v.map((m) => pick(locale, m))]),
      ),
      status: 400,
    };
  if (err instanceof AppError && [403, 409, 429].includes(err.status))
    return {
      errors: { [locale === 'en' ? 'request' : 'permintaan']: [pick(locale, err.text)] },
      status: err.status === 409 ? 400 : err.status,
    };
  return null;
}
