import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { tableDownloadRoutes } from './table-download.routes.js';

/** The datastore read side on the portal: table downloads and datapackage.json. */
export async function datastoreReadRoutes(app: FastifyInstance, deps: AppDeps) {
  await tableDownloadRoutes(app, deps);
}
