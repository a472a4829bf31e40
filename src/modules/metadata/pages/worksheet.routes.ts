import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, grantScope } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { ConflictError, NotAuthorizedError, ValidationError } from '../../../kernel/errors.js';
import { formFailure, sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { listAgencies } from '../../agencies/index.js';
import { metadataWorksheetUpload, worksheetFile, worksheetFileName } from '../actions/worksheet.js';
import { WorksheetRefusedError } from '../worksheet-problems.js';
import { WorksheetPage, type WorksheetView, wst } from './worksheet.page.js';

type Scope = { dataset?: string | undefined; organization?: string | undefined };

function scopeOf(req: FastifyRequest): Scope | null {
  const q = req.query as Record<string, string | undefined>;
  const dataset = q.dataset?.trim();
  const organization = q.organization?.trim();
  if (dataset) return { dataset };
  if (organization) return { organization };
  return null;
}

/** The metadata & SDS worksheet in the back office: download, upload, validation report. */
export async function worksheetRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.actor.userId && req.url.startsWith('/workspace/worksheet'))
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  });

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<WorksheetView> = {},
    status = 200,
  ) {
    const agencies = (await listAgencies(database.db))
      .filter((a) => can(req.actor, 'metadata:update', { agencyId: a.id }))
      .map((a) => ({ code: a.code, name: a.name }));
    if (grantScope(req.actor, 'metadata:update') === null) throw new NotAuthorizedError('metadata:update');
    const ctx = { ...pageContext(req, reply, site), path: '/workspace/worksheet' };
    const q = req.query as Record<string, string | undefined>;
    if (q.done === 'saved') {
      const n = (k: string) => (/^\d{1,7}$/.test(q[k] ?? '') ? Number(q[k]) : 0);
      ctx.notice = wst(req.locale, 'ws.done', {
        datasets: n('datasets'),
        standards: n('standards'),
        activities: n('activities'),
        variables: n('variables'),
        indicators: n('indicators'),
      });
    }
    return sendPage(reply, WorksheetPage({ ctx, view: { agencies, scope: scopeOf(req), ...extra } }), status);
  }

  app.get('/workspace/worksheet', (req, reply) => render(req, reply));

  app.get('/workspace/worksheet.xlsx', async (req, reply) => {
    const scope = scopeOf(req) ?? {};
    const file = await worksheetFile(actionContext(req, database), scope);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${worksheetFileName(scope)}"`)
      .send(file);
  });

  app.post('/workspace/worksheet', async (req, reply) => {
    const scope = scopeOf(req) ?? {};
    let result: Record<string, number>;
    try {
      if (!req.isMultipart())
        throw new ValidationError({ file: [{ id: 'Pilih berkas XLSX', en: 'Choose an XLSX file' }] });
      const part = await req.file();
      if (!part)
        throw new ValidationError({ file: [{ id: 'Pilih berkas XLSX', en: 'Choose an XLSX file' }] });
      const file = (await part.toBuffer()).toString('base64');
      result = await executeAction(actionContext(req, database), metadataWorksheetUpload, { ...scope, file });
    } catch (err) {
      if (err instanceof WorksheetRefusedError) return render(req, reply, { problems: err.problems }, 400);
      if (!(err instanceof ValidationError || err instanceof ConflictError)) throw err;
      const f = formFailure(err, req.locale, 'file');
      return render(req, reply, { errors: f.errors }, f.status);
    }
    const q = new URLSearchParams({ ...(scope as Record<string, string>), done: 'saved' });
    for (const [k, v] of Object.entries(result)) q.set(k, String(v));
    return redirectAfterPost(reply, `/workspace/worksheet?${q}`);
  });
}
