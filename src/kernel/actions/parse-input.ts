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

const NUL_TEXT: Bilingual = {
  id: 'Karakter NUL (\\u0000) tidak diizinkan',
  en: 'The NUL character (\\u0000) is not allowed',
};

/** Paths of the strings (values or keys) in `raw` that contain NUL, which no database text holds. */
function nulPaths(raw: unknown, path: string[] = [], out: string[] = [], depth = 0): string[] {
  if (typeof raw === 'string') {
    if (raw.includes('\u0000')) out.push(path.length ? path.join('.') : '_');
  } else if (raw && typeof raw === 'object' && depth < 64) {
    for (const [k, v] of Object.entries(raw)) {
      if (k.includes('\u0000')) out.push([...path, k.replaceAll('\u0000', '\\u0000')].join('.'));
      else nulPaths(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}

/**
 * Parse `raw` with `schema`, or throw a ValidationError naming every bad field. A string with
 * a NUL character is refused for every action: PostgreSQL text cannot hold it, so it would
 * otherwise fail deep in a query as a server error.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const withNul = nulPaths(raw);
  if (withNul.length) throw new ValidationError(Object.fromEntries(withNul.map((p) => [p, [NUL_TEXT]])));
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
