import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotAuthorizedError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { apiTokenCreate } from '../actions/api-token-create.js';
import { apiTokenRevoke } from '../actions/api-token-revoke.js';
import { userPasswordChange } from '../actions/user-password-change.js';
import { listUserTokens } from '../api-token.repository.js';
import { configureLockout } from '../lockout.js';
import { findUser } from '../user.repository.js';
import { AccountPage, type AccountView } from './account.page.js';

/** The signed-in user's own account: password and API tokens. */
export async function accountRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const db = database.db;
  configureLockout(config);

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<AccountView> = {},
    status = 200,
  ) {
    const userId = req.actor.userId;
    if (!userId) throw new NotAuthorizedError('account:read_own');
    const user = await findUser(db, { id: userId });
    if (!user) throw new NotAuthorizedError('account:read_own');
    const view: AccountView = {
      username: user.username,
      fullName: user.full_name,
      email: user.email,
      tokens: await listUserTokens(db, userId),
      ...extra,
    };
    const done = (req.query as { done?: string }).done;
    const ctx = {
      ...pageContext(req, reply, site),
      notice: done === 'password' ? req.t('account.passwordChanged') : undefined,
    };
    return reply.code(status).type('text/html; charset=utf-8').send(AccountPage({ ctx, view }));
  }

  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/account')) return;
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'account:read_own');
  });

  app.get('/account', (req, reply) => render(req, reply));

  app.post('/account/password', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await executeAction(actionContext(req, database), userPasswordChange, {
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        keepSessionHash: req.sessionHash ?? undefined,
      });
    } catch (err) {
      return render(req, reply, { passwordErrors: formErrors(err, req.locale) }, 400);
    }
    return redirectAfterPost(reply, '/account?done=password');
  });

  app.post('/account/tokens', async (req, reply) => {
    try {
      const created = await executeAction(actionContext(req, database), apiTokenCreate, req.body ?? {});
      // Shown once, on this response only: never put the token in a URL.
      return render(req, reply, { newToken: created.token });
    } catch (err) {
      return render(req, reply, { tokenErrors: formErrors(err, req.locale) }, 400);
    }
  });

  app.post('/account/tokens/:id/revoke', async (req, reply) => {
    await executeAction(actionContext(req, database), apiTokenRevoke, req.params);
    return redirectAfterPost(reply, '/account#tokens');
  });
}
