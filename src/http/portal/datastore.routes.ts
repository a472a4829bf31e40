import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { tableDownloadRoutes } from './table-download.routes.js';

/** The datastore read side on the portal: table downloads, datapackage.json, table preview. */
export async function datastoreReadRoutes(app: FastifyInstance, deps: AppDeps) {
  await tableDownloadRoutes(app, deps);
}
