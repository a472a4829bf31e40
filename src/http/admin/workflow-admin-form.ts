import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../errors.js';
import { pick } from '../../i18n/i18n.js';
import { formFailure } from './admin-form.js';

/** Field errors plus the summary line of a ValidationError, so the first problem is always shown. */
export function failure(err: unknown, req: FastifyRequest, field: string) {
  const f = formFailure(err, req.locale, field);
  if (err instanceof ValidationError) f.errors = { [field]: [pick(req.locale, err.text)], ...f.errors };
  return f;
}
