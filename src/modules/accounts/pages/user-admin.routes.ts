import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import {
  bilingual,
  type FormBody,
  formBody,
  formFailure,
  listField,
  requireUuid,
  sendPage,
  textField,
} from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { listAgencies } from '../../agencies/index.js';
import { userCreate } from '../actions/user-create.js';
import { userUpdate } from '../actions/user-update.js';
import { findUser, listUsers, type UserWithRoles } from '../user.repository.js';
import { EMPTY_USER, UserFormPage, type UserFormValues, type UserFormView } from './user-form.page.js';
import { UsersPage } from './users.page.js';

/** The posted user form (no password: it is never echoed back). */
function userValues(body: FormBody): UserFormValues {
  return {
    username: textField(body, 'username'),
    fullName: textField(body, 'fullName'),
    email: textField(body, 'email'),
    agencyId: textField(body, 'agencyId'),
    roles: listField(body, 'roles'),
    state: textField(body, 'state'),
  };
}

/** Form values of a stored account. */
function storedValues(user: UserWithRoles): UserFormValues {
  return {
    username: user.username,
    fullName: user.full_name,
    email: user.email ?? '',
    agencyId: user.agency_id ?? '',
    roles: user.roles.filter((r) => r !== 'public'),
    state: user.state,
  };
}

/** The lockout end while it still runs, else null. */
function activeLock(user: UserWithRoles): Date | null {
  return user.locked_until && new Date(user.locked_until) > new Date() ? user.locked_until : null;
}

/** Users: list, create, edit (roles, agency, state, unlock). Nothing deletes an account. */
export function userAdminRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  const db = database.db;
  const notFound = bilingual('admin.userNotFound');

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    view: Omit<UserFormView, 'agencies'>,
    status = 200,
  ) {
    authorize(req.actor, view.id ? 'user:update' : 'user:create');
    const page = UserFormPage({
      ctx: pageContext(req, reply, site),
      view: { ...view, agencies: await listAgencies(db) },
    });
    return sendPage(reply, page, status);
  }

  async function loadUser(req: FastifyRequest): Promise<UserWithRoles> {
    const id = requireUuid((req.params as { id: string }).id, notFound);
    authorize(req.actor, 'user:update');
    const user = await findUser(db, { id });
    if (!user) throw new NotFoundError(notFound);
    return user;
  }

  app.get('/admin/users', async (req, reply) => {
    authorize(req.actor, 'user:read');
    const done = (req.query as { done?: string }).done;
    const ctx = { ...pageContext(req, reply, site), notice: done ? req.t('common.saved') : undefined };
    return sendPage(reply, UsersPage({ ctx, view: { users: await listUsers(db), now: new Date() } }));
  });

  app.get('/admin/users/new', (req, reply) => renderForm(req, reply, { values: EMPTY_USER }));

  app.post('/admin/users/new', async (req, reply) => {
    authorize(req.actor, 'user:create');
    const body = formBody(req.body);
    const values = userValues(body);
    try {
      await executeAction(actionContext(req, database), userCreate, {
        ...values,
        password: textField(body, 'password'),
        agencyId: values.agencyId || undefined,
      });
    } catch (err) {
      const f = formFailure(err, req.locale, 'username');
      return renderForm(req, reply, { values, errors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, '/admin/users?done=saved');
  });

  app.get('/admin/users/:id/edit', async (req, reply) => {
    const user = await loadUser(req);
    return renderForm(req, reply, { id: user.id, values: storedValues(user), lockedUntil: activeLock(user) });
  });

  app.post('/admin/users/:id/edit', async (req, reply) => {
    const user = await loadUser(req);
    const body = formBody(req.body);
    const values = { ...userValues(body), username: user.username };
    try {
      await executeAction(actionContext(req, database), userUpdate, {
        id: user.id,
        fullName: values.fullName,
        email: values.email || null,
        agencyId: values.agencyId || null,
        state: values.state || undefined,
        unlock: textField(body, 'unlock') === '1',
        // Without the right to assign roles the form has no role boxes: leave roles alone.
        ...(can(req.actor, 'user:assign_role') ? { roles: values.roles } : {}),
      });
    } catch (err) {
      const f = formFailure(err, req.locale, 'state');
      const view = { id: user.id, values, lockedUntil: activeLock(user), errors: f.errors };
      return renderForm(req, reply, view, f.status);
    }
    return redirectAfterPost(reply, '/admin/users?done=saved');
  });
}
