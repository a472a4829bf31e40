import { z } from 'zod';
import { type Bilingual, ValidationError } from '../errors.js';

const ID = z.locales.id();
const EN = z.locales.en();

function localeText(locale: ReturnType<typeof z.locales.en>, issue: z.core.$ZodIssue): string {
  const out = locale.localeError(issue as unknown as z.core.$ZodRawIssue);
  if (typeof out === 'string') return out;
  return out?.message ?? issue.message;
}

/**
 * Text of one zod issue in both languages. A schema's own message is written
 * "Indonesian / English"; otherwise zod's Indonesian and English locales phrase it.
 */
export function issueText(issue: z.core.$ZodIssue): Bilingual {
  const en = localeText(EN, issue);
  if (issue.message && issue.message !== en) {
    const [idText, enText] = issue.message.split(' / ');
    return { id: idText ?? issue.message, en: enText ?? idText ?? issue.message };
  }
  return { id: localeText(ID, issue), en };
}

/** Parse `raw` with `schema`, or throw a ValidationError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, Bilingual[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    const list = fields[key] ?? [];
    list.push(issueText(issue));
    fields[key] = list;
  }
  throw new ValidationError(fields);
}
