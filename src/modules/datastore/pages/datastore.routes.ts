import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { registerPreviewDatabase } from './preview.js';
import { tableDownloadRoutes } from './table-download.routes.js';

/** The datastore read side on the portal: table downloads, datapackage.json, table preview. */
export async function datastoreReadRoutes(app: FastifyInstance, deps: AppDeps) {
  // The dataset page's preview section reads through this app's database.
  registerPreviewDatabase(deps.site, deps.database.db);
  await tableDownloadRoutes(app, deps);
}
