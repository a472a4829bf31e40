import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import type { Role } from '../../../kernel/access/roles.js';
import { executeAction } from '../../../kernel/actions/action.js';
import {
  type FormBody,
  formBody,
  requireUuid,
  sendPage,
  textField,
} from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import {
  regionWorkflowSet,
  workflowDefinitionCopy,
  workflowDefinitionList,
  workflowDefinitionShow,
  workflowDefinitionUpdate,
} from '../actions/workflow-definition-actions.js';
import type { WorkflowDefinition } from '../domain/definition.js';
import { calendarAdminRoutes } from './calendar-admin.routes.js';
import { type DefinitionDetail, WorkflowListPage, WorkflowShowPage } from './workflow.page.js';
import { wft } from './workflow-admin.messages.js';
import { failure } from './workflow-admin-form.js';
import { WorkflowEditPage } from './workflow-edit.page.js';

/** Apply the per-step form to a copy of the definition: titles, actors, roles, times, targets. */
function applyStepForm(def: WorkflowDefinition, b: FormBody): WorkflowDefinition {
  const next = structuredClone(def);
  next.steps.forEach((s, i) => {
    const p = `s${i}`;
    const field = (name: string) => textField(b, `${p}.${name}`);
    s.title = { id: field('title.id').trim(), en: field('title.en').trim() };
    s.actorLabel = { id: field('actor.id').trim(), en: field('actor.en').trim() };
    s.role = field('role') as Role;
    s.duration = field('duration').trim() === '' ? null : field('duration').trim();
    s.transitions.forEach((t, j) => {
      const to = textField(b, `${p}.t${j}`);
      if (to) t.to = to;
    });
  });
  return next;
}

/** Back office for SOP workflows (/admin/workflows) and the working calendar (/admin/calendar). */
export async function workflowAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const { database, site } = deps;
  app.addHook('preHandler', async (req, reply) => {
    if (
      !req.actor.userId &&
      (req.url.startsWith('/admin/workflows') || req.url.startsWith('/admin/calendar'))
    )
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  });
  const idOf = (req: FastifyRequest) =>
    requireUuid((req.params as { id: string }).id, {
      id: 'Definisi alur kerja tidak ditemukan',
      en: 'Workflow definition not found',
    });
  const ctxOf = (req: FastifyRequest, reply: FastifyReply, path: string) => {
    const ctx = { ...pageContext(req, reply, site), path };
    const done = (req.query as Record<string, string | undefined>).done;
    const version = (req.query as Record<string, string | undefined>).version ?? '';
    if (done === 'chosen') ctx.notice = wft(req.locale, 'wf.chosen');
    if (done === 'copied') ctx.notice = wft(req.locale, 'wf.copied');
    if (done === 'saved')
      ctx.notice = wft(req.locale, 'wf.saved', { version: /^\d{1,6}$/.test(version) ? version : '' });
    return ctx;
  };

  async function detail(req: FastifyRequest, id: string): Promise<DefinitionDetail> {
    const action = actionContext(req, database);
    const shown = await executeAction(action, workflowDefinitionShow, { id });
    const latest = await executeAction(action, workflowDefinitionShow, { key: shown.key });
    return { ...shown, definition: shown.definition as WorkflowDefinition, latest: latest.id === shown.id };
  }

  app.get('/admin/workflows', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const listed = await executeAction(actionContext(req, database), workflowDefinitionList, {});
    return sendPage(
      reply,
      WorkflowListPage({ ctx: ctxOf(req, reply, '/admin/workflows'), definitions: listed.definitions }),
    );
  });

  app.post('/admin/workflows/choose', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const b = formBody(req.body);
    await executeAction(actionContext(req, database), regionWorkflowSet, {
      process_kind: textField(b, 'process_kind'),
      definition_id: textField(b, 'definition_id'),
    });
    return redirectAfterPost(reply, '/admin/workflows?done=chosen');
  });

  async function renderShow(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    copyValues = { new_key: '', title: '', title_en: '' },
    errors?: Record<string, string[]>,
    status = 200,
  ) {
    authorize(req.actor, 'workflow:configure');
    const d = await detail(req, id);
    const ctx = ctxOf(req, reply, `/admin/workflows/${id}`);
    return sendPage(reply, WorkflowShowPage({ ctx, detail: d, copyValues, errors }), status);
  }

  app.get('/admin/workflows/:id', (req, reply) => renderShow(req, reply, idOf(req)));

  app.post('/admin/workflows/:id/copy', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const id = idOf(req);
    const b = formBody(req.body);
    const v = {
      new_key: textField(b, 'new_key').trim(),
      title: textField(b, 'title'),
      title_en: textField(b, 'title_en'),
    };
    let copy: { id: string };
    try {
      copy = await executeAction(actionContext(req, database), workflowDefinitionCopy, { id, ...v });
    } catch (err) {
      const f = failure(err, req, 'new_key');
      return renderShow(req, reply, id, v, f.errors, f.status);
    }
    return redirectAfterPost(reply, `/admin/workflows/${copy.id}/edit?done=copied`);
  });

  async function renderEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    shown?: WorkflowDefinition,
    json?: string,
    errors?: Record<string, string[]>,
    status = 200,
  ) {
    authorize(req.actor, 'workflow:configure');
    const d = await detail(req, id);
    const view = { ...d, definition: shown ?? d.definition };
    const ctx = ctxOf(req, reply, `/admin/workflows/${id}/edit`);
    const text = json ?? JSON.stringify(view.definition, null, 2);
    return sendPage(reply, WorkflowEditPage({ ctx, detail: view, json: text, errors }), status);
  }

  app.get('/admin/workflows/:id/edit', (req, reply) => renderEdit(req, reply, idOf(req)));

  async function saveVersion(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    definition: unknown,
    json?: string,
  ) {
    const d = await detail(req, id);
    let saved: { id: string; version: number };
    try {
      saved = await executeAction(actionContext(req, database), workflowDefinitionUpdate, {
        key: d.key,
        definition,
      });
    } catch (err) {
      const f = failure(err, req, json === undefined ? 'steps' : 'definition');
      const shown = json === undefined ? (definition as WorkflowDefinition) : undefined;
      return renderEdit(req, reply, id, shown, json, f.errors, f.status);
    }
    return redirectAfterPost(reply, `/admin/workflows/${saved.id}?done=saved&version=${saved.version}`);
  }

  app.post('/admin/workflows/:id/edit', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const id = idOf(req);
    const d = await detail(req, id);
    return saveVersion(req, reply, id, applyStepForm(d.definition, formBody(req.body)));
  });

  app.post('/admin/workflows/:id/json', async (req, reply) => {
    authorize(req.actor, 'workflow:configure');
    const json = textField(formBody(req.body), 'definition');
    return saveVersion(req, reply, idOf(req), json, json);
  });

  await calendarAdminRoutes(app, deps);
}
