import type { FastifyInstance } from 'fastify';
import { authorizeAny, sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { userAdminRoutes } from '../../accounts/index.js';
import { agencyAdminRoutes } from '../../agencies/index.js';
import { ADMIN_HOME_ACTIONS, AdminHomePage, adminSections } from './admin-home.page.js';
import { auditAdminRoutes } from './audit-admin.routes.js';

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
