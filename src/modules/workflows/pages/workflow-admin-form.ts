import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../../kernel/errors.js';
import { formFailure } from '../../../kernel/http/admin-form.js';
import { pick } from '../../../kernel/i18n/i18n.js';

/** Field errors plus the summary line of a ValidationError, so the first problem is always shown. */
export function failure(err: unknown, req: FastifyRequest, field: string) {
  const f = formFailure(err, req.locale, field);
  if (err instanceof ValidationError) f.errors = { [field]: [pick(req.locale, err.text)], ...f.errors };
  return f;
}
