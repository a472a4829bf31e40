import type { FastifyInstance } from 'fastify';
import { ACTION_REGISTRY } from '../../../kernel/actions/registry.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { ApiDocsPage } from './api-docs.page.js';

/** GET /api: the API documentation page (Indonesian; ?lang=en or the language switch for English). */
export async function apiDocsRoutes(app: FastifyInstance, { config, site }: AppDeps) {
  app.get('/api', async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(
      ApiDocsPage({
        ctx: pageContext(req, reply, site),
        siteUrl: config.siteUrl,
        actionNames: Object.keys(ACTION_REGISTRY),
        datastoreSql: config.datastoreSql,
      }),
    ),
  );
}
