/**
 * The OpenAPI 3.1 description of the whole action API, generated from the registered actions'
 * zod schemas, so a non-CKAN client can generate code. Each action is one path
 * (`/api/3/action/{name}`): POST with a JSON body for all, GET with query parameters for reads.
 */
import type { ActionDefinition } from '../../../kernel/actions/action.js';
import { actionSummary } from './action-help.js';
import { actionInputSchema, type JsonSchema } from './action-schema.js';

const ENVELOPE: JsonSchema = {
  type: 'object',
  required: ['help', 'success'],
  properties: {
    help: { type: 'string', format: 'uri' },
    success: { type: 'boolean' },
    result: {},
    error: {
      type: 'object',
      required: ['__type'],
      properties: { __type: { type: 'string' }, message: { type: 'string' } },
      additionalProperties: true,
    },
  },
};

const ERRORS = {
  '400': { description: 'Bad request (a JSON string) or Search Query Error' },
  '403': { description: 'Authorization Error', content: json({ $ref: '#/components/schemas/Envelope' }) },
  '404': { description: 'Not Found Error', content: json({ $ref: '#/components/schemas/Envelope' }) },
  '409': { description: 'Validation Error', content: json({ $ref: '#/components/schemas/Envelope' }) },
};

function json(schema: JsonSchema) {
  return { 'application/json': { schema } };
}

/** Move `$defs` into components and point the references there (OpenAPI resolves from the root). */
function hoistDefs(name: string, schema: JsonSchema, into: Record<string, JsonSchema>): JsonSchema {
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  delete schema.$defs;
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      out[k] =
        k === '$ref' && typeof x === 'string'
          ? x === '#'
            ? `#/components/schemas/${name}`
            : x.replace(/^#\/\$defs\//, `#/components/schemas/${name}__`)
          : rewrite(x);
    return out;
  };
  for (const [k, d] of Object.entries(defs)) into[`${name}__${k}`] = rewrite(d) as JsonSchema;
  return rewrite(schema) as JsonSchema;
}

function queryParameters(schema: JsonSchema) {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => ({
    name,
    in: 'query',
    required: required.has(name),
    // Query values arrive as text; the action coerces them as its schema says.
    schema: p,
  }));
}

function operation(action: ActionDefinition, ref: string, method: 'get' | 'post', schema: JsonSchema) {
  const body: Record<string, unknown> = json({ $ref: ref });
  if (action.acceptsUpload)
    body['multipart/form-data'] = {
      schema: {
        type: 'object',
        properties: { upload: { type: 'string', contentMediaType: 'application/octet-stream' } },
      },
    };
  return {
    operationId: method === 'get' ? `${action.name}_get` : action.name,
    summary: actionSummary(action.name),
    tags: [action.sideEffectFree ? 'read' : 'write'],
    ...(method === 'get' ? { parameters: queryParameters(schema) } : { requestBody: { content: body } }),
    ...(action.sideEffectFree ? {} : { security: [{ ApiToken: [] }] }),
    responses: {
      '200': { description: 'Success', content: json({ $ref: '#/components/schemas/Envelope' }) },
      ...ERRORS,
    },
  };
}

export function buildOpenApi(siteUrl: string, actions: readonly ActionDefinition[]) {
  const schemas: Record<string, JsonSchema> = { Envelope: ENVELOPE };
  const paths: Record<string, unknown> = {};
  for (const action of [...actions].sort((a, b) => a.name.localeCompare(b.name))) {
    const input = hoistDefs(action.name, actionInputSchema(action), schemas);
    schemas[action.name] = input;
    const ref = `#/components/schemas/${action.name}`;
    paths[`/api/3/action/${action.name}`] = {
      post: operation(action, ref, 'post', input),
      ...(action.sideEffectFree ? { get: operation(action, ref, 'get', input) } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Satu Data Action API (CKAN API v3 compatible)',
      version: '3',
      description: `Every action of ${siteUrl}/api/3/action. Responses use CKAN's envelope {help, success, result | error}.`,
    },
    servers: [{ url: siteUrl }],
    paths,
    components: {
      schemas,
      securitySchemes: { ApiToken: { type: 'apiKey', in: 'header', name: 'Authorization' } },
    },
  };
}
