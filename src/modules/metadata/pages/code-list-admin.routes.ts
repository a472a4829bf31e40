import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ValidationError } from '../../../kernel/errors.js';
import { formBody, formFailure, labelErrors, sendPage, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { readCsvUpload } from '../../../kernel/http/csv-upload.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import {
  codeListCreate,
  codeListItemsReplace,
  codeListList,
  codeListShow,
  codeListUpdate,
} from '../actions/code-list.js';
import { clt } from './code-list.messages.js';
import {
  CodeListAdminPage,
  CodeListEditPage,
  type CodeListEditView,
  type CodeListFormValues,
  EMPTY_CODE_LIST,
} from './code-list.page.js';

function values(body: unknown): CodeListFormValues {
  const b = formBody(body);
  return {
    name: textField(b, 'name'),
    title: textField(b, 'title'),
    title_en: textField(b, 'title_en'),
    description: textField(b, 'description'),
    description_en: textField(b, 'description_en'),
    source: textField(b, 'source'),
  };
}

/** Back office for reference code lists (permission `codelist:manage`). */
export async function codeListAdminRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.actor.userId && req.url.startsWith('/admin/code-lists'))
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  });

  async function renderList(
    req: FastifyRequest,
    reply: FastifyReply,
    v = EMPTY_CODE_LIST,
    errors?: Record<string, string[]>,
    status = 200,
  ) {
    authorize(req.actor, 'codelist:manage');
    const lists = await executeAction(actionContext(req, database), codeListList, {});
    const ctx = { ...pageContext(req, reply, site), path: '/admin/code-lists' };
    return sendPage(reply, CodeListAdminPage({ ctx, view: { lists, values: v, errors } }), status);
  }

  async function renderEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    name: string,
    extra: Partial<CodeListEditView> = {},
    status = 200,
  ) {
    authorize(req.actor, 'codelist:manage');
    const list = await executeAction(actionContext(req, database), codeListShow, {
      id: name,
      include_retired: true,
    });
    const ctx = { ...pageContext(req, reply, site), path: `/admin/code-lists/${encodeURIComponent(name)}` };
    const q = req.query as Record<string, string | undefined>;
    const num = (k: string) => (/^\d{1,7}$/.test(q[k] ?? '') ? Number(q[k]) : 0);
    if (q.done === 'saved') ctx.notice = clt(req.locale, 'cl.saved');
    if (q.done === 'upload')
      ctx.notice = clt(req.locale, 'cl.uploaded', {
        version: num('version'),
        added: num('added'),
        retired: num('retired'),
        relabelled: num('relabelled'),
      });
    const view: CodeListEditView = {
      values: {
        name: list.name,
        title: list.title,
        title_en: list.title_en ?? '',
        description: list.description,
        description_en: list.description_en ?? '',
        source: list.source ?? '',
      },
      version: list.version,
      items: list.items ?? [],
      ...extra,
    };
    return sendPage(reply, CodeListEditPage({ ctx, view }), status);
  }

  const nameOf = (req: FastifyRequest) => (req.params as { name: string }).name;

  app.get('/admin/code-lists', (req, reply) => renderList(req, reply));

  app.post('/admin/code-lists', async (req, reply) => {
    authorize(req.actor, 'codelist:manage');
    const v = values(req.body);
    try {
      await executeAction(actionContext(req, database), codeListCreate, v);
    } catch (err) {
      const f = formFailure(err, req.locale, 'name');
      return renderList(req, reply, v, f.errors, f.status);
    }
    return redirectAfterPost(reply, `/admin/code-lists/${encodeURIComponent(v.name)}?done=saved`);
  });

  app.get('/admin/code-lists/:name', (req, reply) => renderEdit(req, reply, nameOf(req)));

  app.post('/admin/code-lists/:name', async (req, reply) => {
    authorize(req.actor, 'codelist:manage');
    const name = nameOf(req);
    const { name: _ignored, ...v } = values(req.body);
    try {
      await executeAction(actionContext(req, database), codeListUpdate, { ...v, name });
    } catch (err) {
      const f = formFailure(err, req.locale, 'name');
      return renderEdit(req, reply, name, { errors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, `/admin/code-lists/${encodeURIComponent(name)}?done=saved`);
  });

  app.post('/admin/code-lists/:name/items', async (req, reply) => {
    authorize(req.actor, 'codelist:manage');
    const name = nameOf(req);
    let r: { version: number; added: string[]; retired: string[]; relabelled: string[] };
    try {
      const { csv } = await readCsvUpload(req);
      r = await executeAction(actionContext(req, database), codeListItemsReplace, { id: name, csv });
    } catch (err) {
      const uploadSummary = err instanceof ValidationError ? pick(req.locale, err.text) : undefined;
      const f = formFailure(err, req.locale, 'file');
      const label = clt(req.locale, 'cl.uploadFile');
      const uploadErrors = labelErrors(f.errors, { file: label, csv: label });
      return renderEdit(req, reply, name, { uploadSummary, uploadErrors }, f.status);
    }
    return redirectAfterPost(
      reply,
      `/admin/code-lists/${encodeURIComponent(name)}?done=upload&version=${r.version}&added=${r.added.length}&retired=${r.retired.length}&relabelled=${r.relabelled.length}`,
    );
  });
}
