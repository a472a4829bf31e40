import type { FastifyInstance } from 'fastify';
import { authorize, can, isAgencyBound } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { redirectAfterPost } from '../../../kernel/http/request-context.js';
import { findAgency } from '../../agencies/index.js';
import { packageCreate, packageDelete, packageUpdate, runPackageSearch } from '../../catalog/index.js';
import { emptyValues, valuesFromDict } from './dataset-form.page.js';
import {
  type DatasetForms,
  datasetForms,
  formToInput,
  formValues,
  urlNameFromTitle,
} from './dataset-forms.js';
import { DatasetsPage } from './datasets.page.js';
import { resourceAdminRoutes } from './resource-admin.routes.js';
import { wt } from './workspace.messages.js';

/**
 * The dataset back office ("Ruang Kerja › Dataset"): producers manage their own agency's
 * datasets, the custodian every agency's and may publish. Every write runs the catalog
 * actions, so the API and these forms share one policy.
 */
export async function datasetAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/workspace/')) return;
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
  });
  const forms = datasetForms(deps);
  datasetListRoutes(app, deps, forms);
  datasetEditRoutes(app, deps, forms);
  resourceAdminRoutes(app, deps, forms);
}

/** The list of datasets and the form for a new one. */
function datasetListRoutes(app: FastifyInstance, { database, site }: AppDeps, forms: DatasetForms) {
  const db = database.db;
  const { ctxOf, writableAgencies, renderForm } = forms;

  app.get('/workspace/datasets', async (req, reply) => {
    const scope =
      isAgencyBound(req.actor) && req.actor.agencyId ? `owner_org:${req.actor.agencyId}` : undefined;
    const found = await runPackageSearch(ctxOf(req), {
      fq: scope,
      rows: 1000,
      start: 0,
      sort: 'metadata_modified desc',
      facet: false,
      'facet.limit': 50,
      'facet.mincount': 1,
      include_private: true,
      include_drafts: true,
      include_deleted: false,
    });
    const mayCreate = (await writableAgencies(req)).length > 0;
    const ctx = pageContext(req, reply, site);
    return reply
      .type('text/html; charset=utf-8')
      .send(DatasetsPage({ ctx, datasets: found.results, mayCreate }));
  });

  app.get('/workspace/datasets/new', async (req, reply) => {
    const agencies = await writableAgencies(req);
    authorize(req.actor, 'dataset:create', { agencyId: agencies[0]?.id ?? null });
    return renderForm(req, reply, emptyValues(agencies[0]?.code ?? ''));
  });

  app.post('/workspace/datasets/new', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const agency = await findAgency(db, { code: String(body.owner_org ?? '') });
    const input = formToInput(body, can(req.actor, 'dataset:publish', { agencyId: agency?.id ?? null }));
    // An empty URL name is made from the title (the form says so; works without JavaScript).
    if (input.name === '') input.name = urlNameFromTitle(input.title);
    try {
      const dict = await executeAction(ctxOf(req), packageCreate, input);
      return redirectAfterPost(reply, `/workspace/datasets/${dict?.name ?? input.name}/edit?done=saved`);
    } catch (err) {
      return renderForm(req, reply, formValues(input, ''), {
        errors: formErrors(err, req.locale),
        status: 400,
      });
    }
  });
}

/** Editing and deleting a dataset. */
function datasetEditRoutes(app: FastifyInstance, { database }: AppDeps, forms: DatasetForms) {
  const db = database.db;
  const { ctxOf, renderForm, loadDict } = forms;

  app.get('/workspace/datasets/:name/edit', async (req, reply) => {
    const dict = await loadDict(req, (req.params as { name: string }).name);
    const done = (req.query as { done?: string }).done;
    const notice =
      done === 'saved'
        ? wt(req.locale, 'form.saved')
        : done === 'resource'
          ? wt(req.locale, 'resources.added')
          : done === 'schema'
            ? wt(req.locale, 'resources.schemaConfirmed')
            : undefined;
    return renderForm(req, reply, valuesFromDict(dict), { dict, notice });
  });

  app.post('/workspace/datasets/:name/edit', async (req, reply) => {
    const dict = await loadDict(req, (req.params as { name: string }).name);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const agency = await findAgency(db, { code: String(body.owner_org ?? '') });
    const input = formToInput(body, can(req.actor, 'dataset:publish', { agencyId: agency?.id ?? null }));
    const since = String(body.if_unmodified_since ?? '');
    try {
      const saved = await executeAction(ctxOf(req), packageUpdate, {
        ...input,
        id: dict.id,
        if_unmodified_since: since || undefined,
      });
      return redirectAfterPost(reply, `/workspace/datasets/${saved?.name ?? dict.name}/edit?done=saved`);
    } catch (err) {
      return renderForm(req, reply, formValues(input, since), {
        dict,
        errors: formErrors(err, req.locale),
        status: 400,
      });
    }
  });

  app.post('/workspace/datasets/:name/delete', async (req, reply) => {
    const dict = await loadDict(req, (req.params as { name: string }).name);
    await executeAction(ctxOf(req), packageDelete, { id: dict.id });
    return redirectAfterPost(reply, '/workspace/datasets');
  });
}
