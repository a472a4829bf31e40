import type { FastifyInstance } from 'fastify';
import { mailConfigured } from '../../notifications/mailer.js';
import { listOutbox } from '../../notifications/notifications.repository.js';
import { authorize } from '../../policies/policy.js';
import type { AppDeps } from '../app-deps.js';
import { pageContext } from '../views/page-context.js';
import { OutboxPage } from './outbox.page.js';

/** The administrator's view of the mail outbox. */
export async function outboxRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  app.get('/admin/outbox', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'outbox:read');
    const mails = await listOutbox(database.db);
    return reply
      .type('text/html; charset=utf-8')
      .send(OutboxPage({ ctx: pageContext(req, reply, site), mails, smtp: mailConfigured() }));
  });
}
