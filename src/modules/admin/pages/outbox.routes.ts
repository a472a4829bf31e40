import type { FastifyInstance } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { mailConfigured } from '../../../kernel/notifications/mailer.js';
import { listOutbox } from '../../../kernel/notifications/notifications.repository.js';
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
