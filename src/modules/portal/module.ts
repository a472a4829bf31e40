import type { AppModule } from '../../kernel/module.js';
import { catalogRoutes } from './pages/catalog.routes.js';
import { portalRoutes } from './pages/portal.routes.js';

/** The public portal: home, search, dataset pages, agencies, topics, sitemap, login and language. */
export const portalModule: AppModule = { name: 'portal', routes: [portalRoutes, catalogRoutes] };
