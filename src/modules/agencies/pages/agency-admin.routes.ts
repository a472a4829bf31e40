import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotFoundError, ValidationError } from '../../../kernel/errors.js';
import {
  authorizeAny,
  bilingual,
  type FormBody,
  formBody,
  formFailure,
  labelErrors,
  requireUuid,
  sendPage,
  textField,
} from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { readCsvUpload } from '../../../kernel/http/csv-upload.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { pick } from '../../../kernel/i18n/i18n.js';
import { agencyCreate } from '../actions/agency-create.js';
import { agencyImport } from '../actions/agency-import.js';
import { agencyUpdate } from '../actions/agency-update.js';
import { findAgency, listAgencies } from '../agency.repository.js';
import { AgenciesPage, type AgenciesView } from './agencies.page.js';
import {
  AgencyFormPage,
  type AgencyFormValues,
  type AgencyFormView,
  agencyFormValues,
  EMPTY_AGENCY,
} from './agency-form.page.js';

/** The posted agency form, camelCase as the actions take it. */
function agencyValues(body: FormBody): AgencyFormValues {
  return {
    code: textField(body, 'code'),
    name: textField(body, 'name'),
    shortName: textField(body, 'shortName'),
    kind: textField(body, 'kind'),
    regionCode: textField(body, 'regionCode'),
  };
}

/** The one-off notice after a redirect to the list: saved, or the import counts. */
function listNotice(req: FastifyRequest): string | undefined {
  const q = req.query as Record<string, string | undefined>;
  if (q.done === 'saved') return req.t('common.saved');
  if (q.done !== 'import') return undefined;
  const count = (v: string | undefined) => (/^\d{1,6}$/.test(v ?? '') ? Number(v) : 0);
  return req.t('agency.importDone', { created: count(q.created), updated: count(q.updated) });
}

/** Agencies: list, create, edit, CSV import. */
export function agencyAdminRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  const db = database.db;
  const notFound = bilingual('admin.agencyNotFound');

  async function renderList(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<AgenciesView> = {},
    status = 200,
  ) {
    authorizeAny(req.actor, ['user:read', 'agency:create']);
    // A failed import is shown under its POST url; links on the page (language) need the list's.
    const ctx = { ...pageContext(req, reply, site), path: '/admin/agencies', notice: listNotice(req) };
    const view: AgenciesView = { agencies: await listAgencies(db), ...extra };
    return sendPage(reply, AgenciesPage({ ctx, view }), status);
  }

  /** The form, new (no id) or edit; authorizes first, so a denied post never sees its form. */
  function renderForm(req: FastifyRequest, reply: FastifyReply, view: AgencyFormView, status = 200) {
    if (view.id) authorize(req.actor, 'agency:update', { agencyId: view.id });
    else authorize(req.actor, 'agency:create');
    return sendPage(reply, AgencyFormPage({ ctx: pageContext(req, reply, site), view }), status);
  }

  app.get('/admin/agencies', (req, reply) => renderList(req, reply));

  app.get('/admin/agencies/new', (req, reply) => renderForm(req, reply, { values: EMPTY_AGENCY }));

  app.post('/admin/agencies/new', async (req, reply) => {
    authorize(req.actor, 'agency:create');
    const values = agencyValues(formBody(req.body));
    try {
      await executeAction(actionContext(req, database), agencyCreate, values);
    } catch (err) {
      const f = formFailure(err, req.locale, 'code');
      return renderForm(req, reply, { values, errors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, '/admin/agencies?done=saved');
  });

  app.get('/admin/agencies/:id/edit', async (req, reply) => {
    const id = requireUuid((req.params as { id: string }).id, notFound);
    authorize(req.actor, 'agency:update', { agencyId: id });
    const agency = await findAgency(db, { id });
    if (!agency) throw new NotFoundError(notFound);
    return renderForm(req, reply, { id, values: agencyFormValues(agency) });
  });

  app.post('/admin/agencies/:id/edit', async (req, reply) => {
    const id = requireUuid((req.params as { id: string }).id, notFound);
    authorize(req.actor, 'agency:update', { agencyId: id });
    const values = agencyValues(formBody(req.body));
    try {
      await executeAction(actionContext(req, database), agencyUpdate, { ...values, id });
    } catch (err) {
      const f = formFailure(err, req.locale, 'code');
      return renderForm(req, reply, { id, values, errors: f.errors }, f.status);
    }
    return redirectAfterPost(reply, '/admin/agencies?done=saved');
  });

  app.post('/admin/agencies/import', async (req, reply) => {
    // Decide before reading a 5 MB upload; the action checks again.
    authorize(req.actor, 'agency:create');
    authorize(req.actor, 'agency:update');
    let result: { created: number; updated: number };
    try {
      result = await executeAction(actionContext(req, database), agencyImport, await readCsvUpload(req));
    } catch (err) {
      const importSummary = err instanceof ValidationError ? pick(req.locale, err.text) : undefined;
      const f = formFailure(err, req.locale, 'file');
      const label = req.t('agency.importFile');
      const importErrors = labelErrors(f.errors, { file: label, csv: label, fileName: label });
      return renderList(req, reply, { importSummary, importErrors }, f.status);
    }
    return redirectAfterPost(
      reply,
      `/admin/agencies?done=import&created=${result.created}&updated=${result.updated}`,
    );
  });
}
