import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import { AppError, ValidationError } from '../../../kernel/errors.js';
import { formFailure, sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { redirectAfterPost } from '../../../kernel/http/request-context.js';
import { forumDecisionRecord, forumMinutesRecord } from '../actions/forum.js';
import { findList, listItems } from '../data-list.repository.js';
import { decisionsOf, findMeeting } from '../forum.repository.js';
import { ForumPage, type ForumView } from './forum.page.js';
import { pm } from './planning.messages.js';
import { type Body, planningCtx, str, typedOf } from './route-input.js';

/** A Forum Satu Data meeting's page (/workspace/forum/:id): its minutes and its decisions on the rows. */
export function forumRoutes(app: FastifyInstance, { database, site, config }: AppDeps) {
  const db = database.db;
  const ctxOf = planningCtx({ database, config });
  async function forumView(id: string, extra: Partial<ForumView> = {}): Promise<ForumView | undefined> {
    const meeting = await findMeeting(db, id);
    if (!meeting) return undefined;
    const list = await findList(db, meeting.year);
    const decisions = await decisionsOf(db, meeting.id);
    return {
      meeting,
      items: list ? await listItems(db, list.id) : [],
      decisions: new Map(decisions.map((d) => [d.item_id, { decision: d.decision, note: d.note }])),
      enacted: list?.status === 'enacted',
      ...extra,
    };
  }

  app.get('/workspace/forum/:id', async (req, reply) => {
    const view = await forumView((req.params as { id: string }).id);
    if (!view) return reply.callNotFound();
    const ctx = {
      ...pageContext(req, reply, site),
      notice: (req.query as { done?: string }).done ? pm(req.locale, 'p.saved') : undefined,
    };
    return sendPage(reply, ForumPage({ ctx, view }));
  });

  async function forumPost(
    req: FastifyRequest,
    reply: FastifyReply,
    run: (id: string, b: Body) => Promise<unknown>,
    field: string,
  ) {
    const id = (req.params as { id: string }).id;
    const body = (req.body ?? {}) as Body;
    try {
      await run(id, body);
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
      const errors =
        err instanceof ValidationError
          ? formFailure(err, req.locale, field).errors
          : { [field]: [req.locale === 'en' ? err.text.en : err.text.id] };
      const view = await forumView(id, { errors, typed: typedOf(body) });
      if (!view) return reply.callNotFound();
      return sendPage(reply, ForumPage({ ctx: pageContext(req, reply, site), view }), 400);
    }
    return redirectAfterPost(reply, `/workspace/forum/${id}?done=1`);
  }

  app.post('/workspace/forum/:id/minutes', (req, reply) =>
    forumPost(
      req,
      reply,
      (id, b) =>
        executeAction(ctxOf(req), forumMinutesRecord, {
          id,
          minutes: str(b.minutes),
          attendance: str(b.attendance),
        }),
      'minutes',
    ),
  );
  app.post('/workspace/forum/:id/decisions', (req, reply) =>
    forumPost(
      req,
      reply,
      (id, b) =>
        executeAction(ctxOf(req), forumDecisionRecord, {
          meeting_id: id,
          item_id: str(b.item_id),
          decision: str(b.decision),
          note: str(b.note),
        }),
      'note',
    ),
  );
}
