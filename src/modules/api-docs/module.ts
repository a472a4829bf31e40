import type { AppModule } from '../../kernel/module.js';
import { helpShowAction } from './openapi/help-show.js';
import { openApiRoutes } from './openapi/openapi.routes.js';
import { apiDocsRoutes } from './pages/api-docs.routes.js';

/**
 * The API documentation: the page at /api, `help_show` (where every response's `help` points)
 * and the generated OpenAPI description at /api/openapi.json.
 */
export const apiDocsModule: AppModule = {
  name: 'api-docs',
  actions: [helpShowAction],
  routes: [apiDocsRoutes, openApiRoutes],
};
