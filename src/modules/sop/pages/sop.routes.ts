import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import { sendPage } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext } from '../../../kernel/http/request-context.js';
import { sopList, sopShow } from '../actions/sop-read.js';
import { renderSopDocument } from '../document/sop-pdf.js';
import { SopListPage } from './sop-list.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public list of SOPs in force (/sop), each SOP document as PDF (/sop/:id.pdf, the versions
 * in force), and the staff address of any version's document (/admin/workflows/:id/sop.pdf,
 * for those who configure workflows: a copy can be read before it is chosen).
 */
export async function sopRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  app.get('/sop', async (req, reply) => {
    const sops = await executeAction(actionContext(req, database), sopList, {});
    return sendPage(reply, SopListPage({ ctx: pageContext(req, reply, site), sops }));
  });

  async function sendPdf(req: FastifyRequest, reply: FastifyReply, id: string) {
    if (!UUID.test(id)) return reply.callNotFound();
    const { definition } = await executeAction(actionContext(req, database), sopShow, { id });
    const { pdf } = await renderSopDocument(definition);
    const file = `SOP-${definition.key}-v${definition.version}.pdf`;
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${file}"`)
      .send(pdf);
  }

  app.get('/sop/:file', async (req, reply) => {
    const { file } = req.params as { file: string };
    if (!file.endsWith('.pdf')) return reply.callNotFound();
    return sendPdf(req, reply, file.slice(0, -'.pdf'.length));
  });

  app.get('/admin/workflows/:id/sop.pdf', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    return sendPdf(req, reply, (req.params as { id: string }).id);
  });
}
