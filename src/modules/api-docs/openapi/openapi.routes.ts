import type { FastifyInstance } from 'fastify';
import { ACTION_REGISTRY } from '../../../kernel/actions/registry.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { buildOpenApi } from './openapi.js';

/** GET /api/openapi.json: the OpenAPI description of every registered action; GET /api/3: the API version. */
export async function openApiRoutes(app: FastifyInstance, { config }: AppDeps) {
  let cached: string | undefined;
  app.get('/api/openapi.json', async (_req, reply) => {
    // The registry is filled once at start, so the document is built once.
    cached ??= JSON.stringify(buildOpenApi(config.siteUrl, Object.values(ACTION_REGISTRY)));
    return reply.type('application/json; charset=utf-8').send(cached);
  });
  // ckan/views/api.py `get_api`: `/api/<int:ver>` answers `{"version": ver}`; only 3 is served.
  app.get('/api/3', async (_req, reply) => reply.send({ version: 3 }));
}
