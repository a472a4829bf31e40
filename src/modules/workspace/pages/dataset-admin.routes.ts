import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, isAgencyBound } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { findAgency, listAgencies } from '../../agencies/index.js';
import type { PackageDict } from '../../catalog/index.js';
import {
  findDataset,
  findResource,
  listTopics,
  packageCreate,
  packageDelete,
  packageShow,
  packageUpdate,
  runPackageSearch,
} from '../../catalog/index.js';
import {
  loadIngestViews,
  resourceCreate,
  resourceDelete,
  resourceIngestStatus,
  resourceUpdate,
} from '../../datastore/index.js';
import { DatasetFormPage, type DatasetFormValues, emptyValues, valuesFromDict } from './dataset-form.page.js';
import { attachIngestViews, INGEST_PROGRESS_JS } from './dataset-resources.js';
import { loadDatasetWork } from './dataset-work.js';
import { DatasetsPage } from './datasets.page.js';
import { wt } from './workspace.messages.js';

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
const split = (v: unknown) =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Browser form fields → the package_create / package_update input. */
function formToInput(body: Record<string, unknown>, mayPublish: boolean) {
  const state = body.state === 'active' ? 'active' : 'draft';
  const isPublic = mayPublish && body.public === 'true' && state === 'active';
  return {
    name: String(body.name ?? '').trim(),
    title: String(body.title ?? ''),
    notes: String(body.notes ?? ''),
    owner_org: String(body.owner_org ?? ''),
    license_id: String(body.license_id ?? 'CC-BY-4.0'),
    update_frequency: body.update_frequency ? String(body.update_frequency) : null,
    temporal_start: body.temporal_start ? String(body.temporal_start) : null,
    temporal_end: body.temporal_end ? String(body.temporal_end) : null,
    spatial: split(body.spatial),
    tags: split(body.tags),
    groups: list(body.groups),
    maintainer: String(body.maintainer ?? ''),
    maintainer_email: String(body.maintainer_email ?? ''),
    state,
    private: !isPublic,
  };
}

function formValues(input: ReturnType<typeof formToInput>, since: string): DatasetFormValues {
  return {
    ...input,
    update_frequency: input.update_frequency ?? '',
    temporal_start: input.temporal_start ?? '',
    temporal_end: input.temporal_end ?? '',
    spatial: input.spatial.join(', '),
    tags: input.tags.join(', '),
    public: !input.private,
    if_unmodified_since: since,
  };
}

/**
 * The dataset back office ("Ruang Kerja › Dataset"): producers manage their own agency's
 * datasets, the custodian every agency's and may publish. Every write runs the catalog
 * actions, so the API and these forms share one policy.
 */
export async function datasetAdminRoutes(app: FastifyInstance, { config, database, site, files }: AppDeps) {
  const db = database.db;
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);

  app.addHook('preHandler', async (req, reply) => {
    if (!req.url.startsWith('/workspace/')) return;
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
  });

  /** Agencies the actor may create datasets for. */
  async function writableAgencies(req: FastifyRequest) {
    return (await listAgencies(db)).filter((a) => can(req.actor, 'dataset:create', { agencyId: a.id }));
  }

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    values: DatasetFormValues,
    extra: { dict?: PackageDict; errors?: Record<string, string[]>; status?: number; notice?: string } = {},
  ) {
    const agency = await findAgency(db, { code: values.owner_org });
    if (extra.dict)
      attachIngestViews(
        extra.dict,
        await loadIngestViews(
          db,
          extra.dict.resources.map((r) => r.id),
        ),
      );
    const ctx = { ...pageContext(req, reply, site), notice: extra.notice };
    const view = {
      values,
      agencies: await writableAgencies(req),
      topics: await listTopics(db),
      mayPublish: can(req.actor, 'dataset:publish', { agencyId: agency?.id ?? req.actor.agencyId }),
      errors: extra.errors,
      dict: extra.dict,
      work: extra.dict ? await loadDatasetWork(req, { database, config }, extra.dict) : undefined,
    };
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(DatasetFormPage({ ctx, view }));
  }

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

  async function loadDict(req: FastifyRequest, name: string): Promise<PackageDict> {
    const dict = await executeAction(ctxOf(req), packageShow, { id: name });
    if (!dict) throw new Error('package_show returned nothing');
    authorize(req.actor, 'dataset:update', { agencyId: dict.owner_org });
    return dict;
  }

  app.get('/workspace/datasets/:name/edit', async (req, reply) => {
    const dict = await loadDict(req, (req.params as { name: string }).name);
    const done = (req.query as { done?: string }).done;
    const notice =
      done === 'saved'
        ? wt(req.locale, 'form.saved')
        : done === 'resource'
          ? wt(req.locale, 'resources.added')
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

  app.post('/workspace/datasets/:name/resources', async (req, reply) => {
    const dict = await loadDict(req, (req.params as { name: string }).name);
    const { input, stored } = await readApiInput(req, files, config.uploadMaxBytes);
    try {
      await executeAction(ctxOf(req), resourceCreate, { ...input, package_id: dict.id });
    } catch (err) {
      if (stored) await files.remove(stored.key);
      return renderForm(req, reply, valuesFromDict(dict), {
        dict,
        errors: formErrors(err, req.locale),
        status: 400,
      });
    }
    return redirectAfterPost(reply, `/workspace/datasets/${dict.name}/edit?done=resource#resources`);
  });

  /** A new file for an existing resource: a tabular one becomes its next version. */
  app.post('/workspace/resources/:id/upload', async (req, reply) => {
    const { id } = req.params as { id: string };
    const resource = await findResource(db, id);
    const d = resource ? await findDataset(db, resource.dataset_id) : undefined;
    if (!d) throw new NotFoundError({ id: 'Sumber daya tidak ditemukan', en: 'Resource not found' });
    const dict = await loadDict(req, d.name);
    const { input, stored } = await readApiInput(req, files, config.uploadMaxBytes);
    try {
      await executeAction(ctxOf(req), resourceUpdate, { ...input, id });
    } catch (err) {
      if (stored) await files.remove(stored.key);
      return renderForm(req, reply, valuesFromDict(dict), {
        dict,
        errors: formErrors(err, req.locale),
        status: 400,
      });
    }
    return redirectAfterPost(reply, `/workspace/datasets/${dict.name}/edit?done=resource#resources`);
  });

  /** The progress bar's poll (session-authenticated; the API takes tokens only). */
  app.get('/workspace/resources/:id/ingest-status', async (req) => {
    const { id } = req.params as { id: string };
    return executeAction(ctxOf(req), resourceIngestStatus, { id });
  });

  app.get('/workspace/ingest-progress.js', async (_req, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'max-age=3600')
      .send(INGEST_PROGRESS_JS),
  );

  app.post('/workspace/datasets/:name/delete', async (req, reply) => {
    const dict = await loadDict(req, (req.params as { name: string }).name);
    await executeAction(ctxOf(req), packageDelete, { id: dict.id });
    return redirectAfterPost(reply, '/workspace/datasets');
  });

  app.post('/workspace/resources/:id/delete', async (req, reply) => {
    const { id } = req.params as { id: string };
    const resource = await findResource(db, id);
    await executeAction(ctxOf(req), resourceDelete, { id });
    const d = resource ? await findDataset(db, resource.dataset_id) : undefined;
    return redirectAfterPost(
      reply,
      d ? `/workspace/datasets/${d.name}/edit#resources` : '/workspace/datasets',
    );
  });
}
