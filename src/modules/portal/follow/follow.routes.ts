import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret } from '../../../kernel/access/secret.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { FollowTargetKind } from '../../../kernel/db/schema/portal.js';
import { ValidationError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { deliverPendingMail } from '../../../kernel/notifications/mailer.js';
import { portalText } from '../portal.messages.js';
import { followConfirm, followSubscribe, followUnsubscribe } from './follow.actions.js';
import { FollowMessagePage } from './follow.page.js';
import { findFollowByToken, findFollowByUnsubscribeToken, followTargetTitle } from './follow.repository.js';
import { notifyFollowers } from './follow-notify.js';

const SWEEP_MS = 60_000;
// A follow acts on no one's authority (the address must confirm by e-mail): an anonymous post
// needs no CSRF token, so the pages carrying the form are the same for every reader.
const PUBLIC_FORM = { config: { rateLimit: { max: 10, timeWindow: '1 minute' }, anonymousForm: true } };
const tokenOf = (v: unknown) => (typeof v === 'string' && v.length <= 100 ? v : '');

/**
 * Follow by e-mail: the form posts here; the mailed links open a page whose button posts the
 * token (a mail scanner that opens links confirms or unsubscribes nobody). A timer sweeps new
 * versions into the outbox in every process but tests, which call the sweep themselves.
 */
export async function followRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const db = database.db;
  const html = (reply: FastifyReply, page: JSX.Element, code = 200) =>
    reply.code(code).type('text/html; charset=utf-8').send(page);
  const pt = (req: FastifyRequest, k: Parameters<typeof portalText>[1], p: Record<string, string> = {}) =>
    portalText(req.locale, k, p);

  if (config.env !== 'test') {
    let timer: ReturnType<typeof setInterval> | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        notifyFollowers(db, config.siteUrl)
          .then((n) => (n > 0 ? deliverPendingMail(db) : 0))
          .catch((err) => app.log.error({ err }, 'follow sweep failed'));
      }, SWEEP_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  }

  app.post('/follow', PUBLIC_FORM, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const ctx = pageContext(req, reply, site);
    try {
      await executeAction(actionContext(req, database, config.siteUrl), followSubscribe, {
        ...body,
        locale: req.locale,
      });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      const message = pt(req, 'follow.badEmail');
      return html(reply, FollowMessagePage({ ctx, heading: pt(req, 'follow.title'), message }), 400);
    }
    await deliverPendingMail(db);
    return html(
      reply,
      FollowMessagePage({ ctx, heading: pt(req, 'follow.title'), message: pt(req, 'follow.sent') }),
    );
  });

  for (const step of ['confirm', 'unsubscribe'] as const) {
    const path = `/follow/${step}`;
    const heading = step === 'confirm' ? 'follow.confirmTitle' : 'follow.unsubscribeTitle';
    app.get(path, async (req, reply) => {
      const token = tokenOf((req.query as { token?: unknown }).token);
      const ctx = pageContext(req, reply, site);
      const f = token
        ? step === 'confirm'
          ? await findFollowByToken(db, hashSecret(token))
          : await findFollowByUnsubscribeToken(db, token)
        : undefined;
      if (!f)
        return html(
          reply,
          FollowMessagePage({ ctx, heading: pt(req, heading), message: pt(req, 'follow.badToken') }),
          404,
        );
      const title = await followTargetTitle(db, f.target_kind as FollowTargetKind, f.target_id);
      const lead = step === 'confirm' ? 'follow.confirmLead' : 'follow.unsubscribeLead';
      const button = step === 'confirm' ? 'follow.confirmButton' : 'follow.unsubscribeButton';
      return html(
        reply,
        FollowMessagePage({
          ctx,
          heading: pt(req, heading),
          message: pt(req, lead, { title }),
          post: { action: path, token, button: pt(req, button) },
        }),
      );
    });
    app.post(path, PUBLIC_FORM, async (req, reply) => {
      const token = tokenOf((req.body as { token?: unknown } | undefined)?.token);
      const ctx = pageContext(req, reply, site);
      const action = step === 'confirm' ? followConfirm : followUnsubscribe;
      const done = await executeAction(actionContext(req, database, config.siteUrl), action, { token }).catch(
        () => null,
      );
      if (!done)
        return html(
          reply,
          FollowMessagePage({ ctx, heading: pt(req, heading), message: pt(req, 'follow.badToken') }),
          404,
        );
      const title = await followTargetTitle(db, done.kind as FollowTargetKind, done.targetId);
      const message = pt(req, step === 'confirm' ? 'follow.confirmed' : 'follow.unsubscribed', { title });
      return html(reply, FollowMessagePage({ ctx, heading: pt(req, heading), message }));
    });
  }
}
