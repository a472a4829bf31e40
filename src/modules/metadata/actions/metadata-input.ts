import { z } from 'zod';
import type { Bilingual } from '../../../kernel/errors.js';
import { ValidationError } from '../../../kernel/errors.js';
import type { FormDefinition } from '../domain/form.js';
import { checkFormValues, type FormValues } from '../domain/form-values.js';

/** A form's answers as sent: field key → text, or a list for list/multi fields. */
export const FormAnswers = z.record(
  z.string().max(100),
  z.union([z.string().max(20_000), z.array(z.string().max(2_000)).max(500)]),
);

/** Check the answers against the form's catalogue; a ValidationError names `<form>.<field>`. */
export function checkedAnswers(def: FormDefinition, raw: Record<string, unknown>): FormValues {
  const { values, errors } = checkFormValues(def, raw);
  const bad = Object.entries(errors);
  if (bad.length)
    throw new ValidationError(
      Object.fromEntries(bad.map(([k, e]) => [`${def.key}.${k}`, [e] as Bilingual[]])),
    );
  return values;
}

/** 'YYYY-MM-DD' or nothing. */
export const OptionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus YYYY-MM-DD / Date must be YYYY-MM-DD')
  .nullish()
  .or(z.literal('').transform(() => null));

/** Empty strings from forms mean "no value". */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
