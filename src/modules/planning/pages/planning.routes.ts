import type { FastifyInstance } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { forumRoutes } from './forum.routes.js';
import { publicListRoutes } from './public-list.routes.js';
import { romantikRoutes } from './romantik.routes.js';
import { yearRoutes } from './year.routes.js';
import { yearFormRoutes } from './year-forms.routes.js';

/**
 * The planning pages: the workspace list of a year (/workspace/daftar-data/:year) with import,
 * export, copy, diff, rows, producers' answers, proposals, forum meetings, records and
 * enactment; a meeting's page (/workspace/forum/:id); the public list (/daftar-data) with the
 * proposal form, each enacted year's XLSX and its signed decree.
 */
export async function planningRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('preHandler', async (req, reply) => {
    if (
      !['/workspace/daftar-data', '/workspace/forum', '/workspace/romantik'].some((p) =>
        req.url.startsWith(p),
      )
    )
      return;
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
  });

  yearRoutes(app, deps);
  yearFormRoutes(app, deps);
  forumRoutes(app, deps);
  romantikRoutes(app, deps);
  publicListRoutes(app, deps);
}
