import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { userPositionSet } from '../actions/user-position-set.js';
import { usersWithRolesAndPositions } from '../routing.repository.js';
import { PositionsPage } from './positions.page.js';
import { rm } from './run.messages.js';

/** The positions page (issue #12 item 3): administrators give users positions within their roles. */
export async function positionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db;

  async function render(req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string[]>) {
    const rows = await usersWithRolesAndPositions(db);
    const notice = (req.query as { done?: string }).done ? rm(req.locale, 'positions.saved') : undefined;
    const ctx = { ...pageContext(req, reply, deps.site), notice };
    return reply
      .code(errors ? 400 : 200)
      .type('text/html; charset=utf-8')
      .send(PositionsPage({ ctx, rows, errors }));
  }

  app.get('/admin/positions', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'user:assign_role');
    return render(req, reply);
  });

  app.post('/admin/positions', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect('/login');
    authorize(req.actor, 'user:assign_role');
    const body = (req.body ?? {}) as Record<string, string>;
    try {
      await executeAction(actionContext(req, deps.database, deps.config.siteUrl), userPositionSet, {
        user_id: body.user_id,
        role: body.role,
        position: body.position ?? '',
      });
    } catch (err) {
      return render(req, reply, formErrors(err, req.locale));
    }
    return redirectAfterPost(reply, '/admin/positions?done=1');
  });
}
