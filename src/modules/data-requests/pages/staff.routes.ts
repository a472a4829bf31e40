import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ActionDefinition, executeAction } from '../../../kernel/actions/action.js';
import { readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { safeFileName } from '../../../kernel/storage/file-store.js';
import { dataRequestClose, dataRequestDeliver } from '../actions/request-answer.js';
import { dataRequestAssign, dataRequestExtend, dataRequestRoute } from '../actions/request-handle.js';
import { dataRequestList } from '../actions/request-read.js';
import { dataRequestObjectionAnswer } from '../actions/request-requester.js';
import { dataRequestRespond } from '../actions/request-respond.js';
import { findRequestById } from '../data-requests.repository.js';
import { loadStaffDetail } from '../staff-view.js';
import { refusal } from './errors.js';
import { StaffDetailPage } from './staff-detail.page.js';
import { StaffListPage, type StaffListRow } from './staff-list.page.js';

const VERBS: Record<string, ActionDefinition> = {
  assign: dataRequestAssign as ActionDefinition,
  route: dataRequestRoute as ActionDefinition,
  deliver: dataRequestDeliver as ActionDefinition,
  respond: dataRequestRespond as ActionDefinition,
  'respond-none': dataRequestRespond as ActionDefinition,
  close: dataRequestClose as ActionDefinition,
  extend: dataRequestExtend as ActionDefinition,
  objection: dataRequestObjectionAnswer as ActionDefinition,
};
const UUID = /^[0-9a-f-]{36}$/i;

/** Staff pages of the service (custodian, routed agency's producers, the leader for objections). */
export async function dataRequestStaffRoutes(
  app: FastifyInstance,
  { config, database, site, files }: AppDeps,
) {
  const db = database.db;
  const html = (reply: FastifyReply, page: JSX.Element, code = 200) =>
    reply.code(code).type('text/html; charset=utf-8').send(page);
  const signedIn = (req: FastifyRequest, reply: FastifyReply) => {
    if (req.actor.userId) return true;
    reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    return false;
  };

  app.get('/kerja/permintaan-data', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const rows = (await executeAction(
      actionContext(req, database, config.siteUrl),
      dataRequestList,
      {},
    )) as StaffListRow[];
    return html(reply, StaffListPage({ ctx: pageContext(req, reply, site), rows }));
  });

  async function detail(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors?: Record<string, string[]>,
    code = 200,
  ) {
    if (!UUID.test(id)) return reply.callNotFound();
    const { detail: d, options } = await loadStaffDetail(db, req.actor, id);
    return html(reply, StaffDetailPage({ ctx: pageContext(req, reply, site), d, o: options, errors }), code);
  }

  app.get('/kerja/permintaan-data/:id', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    return detail(req, reply, (req.params as { id: string }).id);
  });

  app.post('/kerja/permintaan-data/:id/:verb', { config: { largeUpload: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const { id, verb } = req.params as { id: string; verb: string };
    const action = VERBS[verb];
    if (!action || !UUID.test(id)) return reply.callNotFound();
    const { input, storedAll } = await readApiInput(req, files, config.uploadMaxBytes, {
      acceptsUpload: verb === 'respond',
    });
    delete input._csrf;
    try {
      await executeAction(actionContext(req, database, config.siteUrl), action, { ...input, id });
    } catch (err) {
      for (const f of storedAll) await files.remove(f.key);
      const refused = refusal(err, req.locale);
      if (!refused) throw err;
      return detail(req, reply, id, refused.errors, refused.status);
    }
    return redirectAfterPost(reply, `/kerja/permintaan-data/${id}`);
  });

  /** The agency's file, for staff who may read the request. */
  app.get('/kerja/permintaan-data/:id/berkas', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const id = (req.params as { id: string }).id;
    if (!UUID.test(id)) return reply.callNotFound();
    await loadStaffDetail(db, req.actor, id);
    const r = await findRequestById(db, id);
    if (!r?.file_key) return reply.callNotFound();
    return reply
      .type('application/octet-stream')
      .header('content-disposition', `attachment; filename="${safeFileName(r.file_name ?? 'data')}"`)
      .send(files.open(r.file_key));
  });
}
