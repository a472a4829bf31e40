import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app-deps.js';
import { pageContext } from '../views/page-context.js';
import { authorizeAny, sendPage } from './admin-form.js';
import { ADMIN_HOME_ACTIONS, AdminHomePage, adminSections } from './admin-home.page.js';
import { agencyAdminRoutes } from './agency-admin.routes.js';
import { auditAdminRoutes } from './audit-admin.routes.js';
import { userAdminRoutes } from './user-admin.routes.js';

/**
 * Back-office pages for administrators: agencies, users, audit log. Every page signs the
 * anonymous visitor in first; what a signed-in actor may see or change is decided by the
 * policy, in the route (pages) and again in the action (changes).
 */
export async function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  });

  app.get('/admin', async (req, reply) => {
    authorizeAny(req.actor, [...ADMIN_HOME_ACTIONS]);
    const ctx = pageContext(req, reply, deps.site);
    return sendPage(reply, AdminHomePage({ ctx, sections: adminSections(ctx) }));
  });

  agencyAdminRoutes(app, deps);
  userAdminRoutes(app, deps);
  auditAdminRoutes(app, deps);
}
