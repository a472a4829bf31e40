import type { FastifyReply } from 'fastify';
import type { Action } from '../access/permission.js';
import { type Actor, authorize, can } from '../access/policy.js';
import { type Bilingual, ConflictError, NotFoundError } from '../errors.js';
import { type Locale, type MessageKey, pick, t } from '../i18n/i18n.js';
import { formErrors } from './form-errors.js';

/** A posted form: `@fastify/formbody` gives a string, or an array when a name repeats. */
export type FormBody = Record<string, string | string[] | undefined>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request body as a form (an absent or non-object body is an empty form). */
export function formBody(body: unknown): FormBody {
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** One text field of a form; '' when absent, the first value when repeated. */
export function textField(body: FormBody, name: string): string {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** A checkbox group: nothing, one string or an array become a string[]. */
export function listField(body: FormBody, name: string): string[] {
  const v = body[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((s) => s !== '');
}

/** Both languages of one message key, for errors raised at the edge (errors carry both). */
export function bilingual(key: MessageKey, params: Record<string, string | number> = {}): Bilingual {
  return { id: t('id', key, params), en: t('en', key, params) };
}

/**
 * Refuse unless the actor may do at least one of `actions` (the index and lists that several
 * permissions open). Throws the policy's own NotAuthorizedError.
 */
export function authorizeAny(actor: Actor, actions: readonly [Action, ...Action[]]): void {
  if (!actions.some((a) => can(actor, a))) authorize(actor, actions[0]);
}

/** A path id that is not a UUID names nothing (and must not reach a uuid column). */
export function requireUuid(id: string, what: Bilingual): string {
  if (!UUID.test(id)) throw new NotFoundError(what);
  return id;
}

export interface FormFailure {
  status: number;
  errors: Record<string, string[]>;
}

/**
 * A failed form post as field errors: a ValidationError gives 400 with its fields, a
 * ConflictError (duplicate code, own account) 409 under `conflictField`. Anything else
 * (denied, not found, a bug) is rethrown to the error page.
 */
export function formFailure(err: unknown, locale: Locale, conflictField: string): FormFailure {
  if (err instanceof ConflictError)
    return { status: 409, errors: { [conflictField]: [pick(locale, err.text)] } };
  return { status: 400, errors: formErrors(err, locale) };
}

/**
 * Field errors keyed by the field's visible label instead of its code name (`roles.0` is
 * shown under the label of `roles`). Keys without a label (import rows) stay as they are.
 */
export function labelErrors(
  errors: Record<string, string[]> | undefined,
  labels: Record<string, string>,
): Record<string, string[]> | undefined {
  if (!errors) return undefined;
  const out: Record<string, string[]> = {};
  for (const [key, msgs] of Object.entries(errors)) {
    const label = labels[key] ?? labels[key.split('.')[0] ?? key] ?? key;
    out[label] = [...(out[label] ?? []), ...msgs];
  }
  return out;
}

/** Send a rendered page. */
export function sendPage(reply: FastifyReply, html: string | Promise<string>, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
