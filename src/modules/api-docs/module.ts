import type { AppModule } from '../../kernel/module.js';
import { apiDocsRoutes } from './pages/api-docs.routes.js';

/** The API documentation page at /api: every registered action with examples. */
export const apiDocsModule: AppModule = { name: 'api-docs', routes: [apiDocsRoutes] };
