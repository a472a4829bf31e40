/**
 * The JSON Schema of an action's input, generated from its zod schema (never written by hand),
 * so help_show and /api/openapi.json say exactly what the action accepts.
 */
import { z } from 'zod';
import type { ActionDefinition } from '../../../kernel/actions/action.js';

export type JsonSchema = Record<string, unknown>;

/** The input schema as JSON Schema (draft 2020-12, what OpenAPI 3.1 uses); `{}` when it cannot be said. */
export function actionInputSchema(action: ActionDefinition): JsonSchema {
  try {
    const schema = z.toJSONSchema(action.input, {
      io: 'input',
      unrepresentable: 'any',
      target: 'draft-2020-12',
    }) as JsonSchema;
    delete schema.$schema;
    return schema;
  } catch {
    // A schema zod cannot express (a transform over a custom type) still gets listed.
    return { type: 'object' };
  }
}

/** The top-level parameters of an input schema: name, whether required, and its description. */
export function topLevelParams(schema: JsonSchema): { name: string; required: boolean; text: string }[] {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => ({
    name,
    required: required.has(name),
    text: [typeText(p), typeof p.description === 'string' ? p.description : ''].filter(Boolean).join(' — '),
  }));
}

function typeText(p: JsonSchema): string {
  if (Array.isArray(p.enum)) return `one of ${p.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (typeof p.type === 'string') return p.type;
  if (Array.isArray(p.type)) return p.type.join(' or ');
  const alternatives = (p.anyOf ?? p.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return alternatives.map(typeText).filter(Boolean).join(' or ');
  return '';
}
