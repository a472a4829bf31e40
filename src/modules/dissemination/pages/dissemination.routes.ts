import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { bookRoutes } from './book.routes.js';
import { boundariesRoutes } from './boundaries.routes.js';
import { chartRoutes } from './chart.routes.js';
import { publicationRoutes } from './publication.routes.js';
import { publicationFileRoutes } from './publication-files.routes.js';

export { verifyPath } from './route-helpers.js';

/** Saved charts (/grafik), publications (/publikasi) and their files, book PDFs and their verification pages. */
export async function disseminationRoutes(app: FastifyInstance, deps: AppDeps) {
  await boundariesRoutes(app, deps);
  await chartRoutes(app, deps);
  await publicationFileRoutes(app, deps);
  await publicationRoutes(app, deps);
  await bookRoutes(app, deps);
}
