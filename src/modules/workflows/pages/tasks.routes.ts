import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { authorize, can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { configureMail } from '../../../kernel/notifications/mailer.js';
import { listNotifications, markAllRead } from '../../../kernel/notifications/notifications.repository.js';
import { safeFileName } from '../../../kernel/storage/file-store.js';
import { workflowProcessStart } from '../actions/process-start.js';
import { taskComplete } from '../actions/task-complete.js';
import { loadBadge } from '../badge.js';
import { inboxFor } from '../inbox.js';
import { loadCalendar } from '../sources.js';
import { loadTask } from '../task-act.js';
import { choiceOptions } from '../task-form-options.js';
import { positionsRoutes } from './positions.routes.js';
import { runHistoryRoutes } from './run-history.routes.js';
import type { TypedValues } from './task-form.js';
import { entryHref, TasksPage } from './tasks.page.js';
import { wm } from './workflow.messages.js';

/**
 * The workflow runs' pages: "Tugas saya" (/tugas) and its notifications. Registered
 * unencapsulated so the nav badge (open tasks, unread notifications) is counted for every page.
 */
export const workflowRunRoutes = fp(async (app: FastifyInstance, deps: AppDeps) => {
  const { database, site, config } = deps;
  const db = database.db;
  configureMail({ smtpUrl: config.smtpUrl, from: config.mailFrom });

  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || req.url.startsWith('/api/') || req.url.startsWith('/static/')) return;
    await loadBadge(db, req.actor);
  });

  async function requireStaff(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (!req.actor.userId) {
      reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
      return false;
    }
    authorize(req.actor, 'task:read_own');
    return true;
  }

  async function renderInbox(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      notice?: string;
      errors?: Record<string, string[]>;
      status?: number;
      typed?: TypedValues;
    } = {},
  ) {
    const [entries, notifications] = await Promise.all([
      loadCalendar(db).then((calendar) => inboxFor(db, req.actor, new Date(), calendar)),
      listNotifications(db, req.actor.userId as string),
    ]);
    const options = await choiceOptions(db, entries);
    const ctx = { ...pageContext(req, reply, site), notice: extra.notice };
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(TasksPage({ ctx, entries, notifications, errors: extra.errors, options, typed: extra.typed }));
  }

  app.get('/tugas', async (req, reply) => {
    if (!(await requireStaff(req, reply))) return reply;
    const done = (req.query as { done?: string }).done;
    return renderInbox(req, reply, done ? { notice: wm(req.locale, 'tasks.completed') } : {});
  });

  app.post('/tugas/start', async (req, reply) => {
    if (!(await requireStaff(req, reply))) return reply;
    const body = (req.body ?? {}) as { process_kind?: string; title?: string; year?: string };
    try {
      await executeAction(actionContext(req, database, config.siteUrl), workflowProcessStart, {
        process_kind: body.process_kind,
        title: body.title ?? '',
        year: body.year ?? '',
      });
    } catch (err) {
      return renderInbox(req, reply, { errors: formErrors(err, req.locale), status: 400 });
    }
    return redirectAfterPost(reply, '/tugas');
  });

  app.get('/tugas/:id', async (req, reply) => {
    if (!(await requireStaff(req, reply))) return reply;
    const { id } = req.params as { id: string };
    const entry = (await inboxFor(db, req.actor, new Date())).find((e) => e.taskId === id);
    if (entry && entryHref(entry) !== `/tugas/${id}`) return reply.redirect(entryHref(entry));
    return reply.redirect('/tugas');
  });

  app.post('/tugas/:id', { config: { largeUpload: true } }, async (req, reply) => {
    if (!(await requireStaff(req, reply))) return reply;
    const { id } = req.params as { id: string };
    // A multipart form carries the step's documents; a plain one only the note and choices.
    const { input: body, storedAll } = await readApiInput(req, deps.files, config.uploadMaxBytes, {
      acceptsUpload: true,
      acceptsMany: true,
    });
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const agencyIds = Array.isArray(body.agency_ids) ? body.agency_ids.map(String) : undefined;
    try {
      await executeAction(actionContext(req, database, config.siteUrl), taskComplete, {
        id,
        outcome: text(body.outcome) || 'done',
        note: text(body.note),
        ...(body.upload ? { upload: body.upload } : {}),
        ...(body.uploads ? { uploads: body.uploads } : {}),
        agency_id: text(body.agency_id),
        assignee_id: text(body.assignee_id),
        ...(agencyIds ? { agency_ids: agencyIds } : {}),
      });
    } catch (err) {
      for (const f of storedAll) await deps.files.remove(f.key);
      // A refused completion keeps what was typed (the files must be chosen again).
      const typed: TypedValues = {
        taskId: id,
        note: text(body.note),
        agencyId: text(body.agency_id),
        assigneeId: text(body.assignee_id),
        ...(agencyIds ? { agencyIds } : {}),
      };
      return renderInbox(req, reply, { errors: formErrors(err, req.locale), status: 400, typed });
    }
    return redirectAfterPost(reply, '/tugas?done=1');
  });

  /** A step's attached document, for staff who may read the subject's agency's private data. */
  app.get('/tugas/:id/attachment', async (req, reply) => {
    if (!(await requireStaff(req, reply))) return reply;
    const { task, instance } = await loadTask(db, (req.params as { id: string }).id);
    if (!task.attachment_key || !can(req.actor, 'dataset:read_private', { agencyId: instance.agency_id }))
      return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header(
        'content-disposition',
        `attachment; filename="${safeFileName(task.attachment_name ?? 'dokumen')}"`,
      )
      .send(deps.files.open(task.attachment_key));
  });

  await runHistoryRoutes(app, deps);
  await positionsRoutes(app, deps);

  app.post('/tugas/notifications/read', async (req, reply) => {
    if (!(await requireStaff(req, reply))) return reply;
    await markAllRead(db, req.actor.userId as string, new Date());
    return redirectAfterPost(reply, '/tugas');
  });
});
