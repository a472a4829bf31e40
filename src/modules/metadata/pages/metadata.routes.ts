import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { dataStandardShow } from '../actions/data-standard.js';
import {
  indicatorMetadataCreate,
  indicatorMetadataUpdate,
  packageActivitySet,
  packageStandardSet,
  variableMetadataUpdate,
} from '../actions/dataset-metadata-write.js';
import {
  statisticalActivityCreate,
  statisticalActivityShow,
  statisticalActivityUpdate,
} from '../actions/statistical-activity.js';
import { MS_IND } from '../domain/ms-ind.js';
import { MS_KEG } from '../domain/ms-keg.js';
import { MS_VAR } from '../domain/ms-var.js';
import type { MetadataDocument } from '../metadata-document.js';
import { loadEditableDocument, loadMetadataOverview } from './metadata.loaders.js';
import { mt } from './metadata.messages.js';
import { type KegFormValues, MsIndFormPage, MsKegFormPage, MsVarFormPage } from './metadata.page.js';
import { metadataExportRoutes } from './metadata-export.routes.js';
import { answersFromBody } from './metadata-fields.js';
import { MetadataOverviewPage } from './metadata-overview.page.js';
import { ActivityPublicPage, StandardPublicPage } from './metadata-public.page.js';
import { standardRoutes } from './standard.routes.js';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
type Body = Record<string, unknown>;

function kegValues(doc: MetadataDocument): KegFormValues {
  const a = doc.statistical_activity;
  return {
    title: a?.title ?? '',
    activity_code: a?.activity_code ?? '',
    recommendation_status: a?.recommendation_status ?? 'none',
    recommendation_number: a?.recommendation_number ?? '',
    recommendation_date: a?.recommendation_date ?? '',
    ms_keg: a?.ms_keg ?? {},
  };
}

function kegFromBody(body: Body): KegFormValues {
  return {
    title: str(body.keg_judul_kegiatan),
    activity_code: str(body.activity_code),
    recommendation_status: str(body.recommendation_status) || 'none',
    recommendation_number: str(body.recommendation_number),
    recommendation_date: str(body.recommendation_date),
    ms_keg: answersFromBody(MS_KEG, body, 'keg_'),
  };
}

/**
 * The metadata back office of a dataset (`/workspace/datasets/:name/metadata…`): standard and
 * activity pickers, the MS-Keg / MS-Var / MS-Ind forms, the XLSX exports for INDAH and the JSON
 * export. Every write goes through the metadata actions.
 */
export async function metadataRoutes(app: FastifyInstance, deps: AppDeps) {
  await app.register(publicMetadataRoutes, deps);
  await app.register(workspaceMetadataRoutes, deps);
}

/** The public pages DCAT's URIs name: a data standard and a statistical activity. */
async function publicMetadataRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);
  app.get('/standar-data/:name', async (req, reply) => {
    const s = await executeAction(ctxOf(req), dataStandardShow, {
      id: (req.params as { name: string }).name,
    });
    const ctx = pageContext(req, reply, site);
    return reply
      .type('text/html; charset=utf-8')
      .send(StandardPublicPage({ ctx, standard: s, versions: s.versions }));
  });
  app.get('/kegiatan-statistik/:id', async (req, reply) => {
    const activity = await executeAction(ctxOf(req), statisticalActivityShow, {
      id: (req.params as { id: string }).id,
    });
    const ctx = pageContext(req, reply, site);
    return reply.type('text/html; charset=utf-8').send(ActivityPublicPage({ ctx, activity }));
  });
}

async function workspaceMetadataRoutes(app: FastifyInstance, deps: AppDeps) {
  const { config, database, site } = deps;
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);
  const page = (req: FastifyRequest, reply: FastifyReply, notice?: string) => ({
    ...pageContext(req, reply, site),
    notice,
  });
  const html = (reply: FastifyReply, body: string | Promise<string>, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(body);

  app.addHook('preHandler', async (req, reply) => {
    if (!req.actor.userId) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    authorize(req.actor, 'workspace:open');
  });

  const P = '/workspace/datasets/:name/metadata';
  const nameOf = (req: FastifyRequest) => (req.params as { name: string }).name;
  const urlOf = (doc: MetadataDocument) => `/workspace/datasets/${encodeURIComponent(doc.name)}/metadata`;

  /** The dataset (the actor may fill its metadata) and its metadata document. */
  const editable = (req: FastifyRequest) => loadEditableDocument(ctxOf(req), nameOf(req));

  app.get(P, async (req, reply) => {
    const { doc, standards, activities } = await loadMetadataOverview(ctxOf(req), nameOf(req));
    const notice = (req.query as { done?: string }).done ? mt(req.locale, 'meta.saved') : undefined;
    return html(reply, MetadataOverviewPage({ ctx: page(req, reply, notice), doc, standards, activities }));
  });

  app.post(`${P}/standard`, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const { doc } = await editable(req);
    await executeAction(ctxOf(req), packageStandardSet, {
      id: doc.package_id,
      standard_id: str(body.standard_id) || null,
    });
    return redirectAfterPost(reply, `${urlOf(doc)}?done=saved`);
  });

  app.post(`${P}/activity`, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const { doc } = await editable(req);
    await executeAction(ctxOf(req), packageActivitySet, {
      id: doc.package_id,
      activity_id: str(body.activity_id) || null,
    });
    return redirectAfterPost(reply, `${urlOf(doc)}?done=saved`);
  });

  app.get(`${P}/ms-keg`, async (req, reply) => {
    const { doc } = await editable(req);
    return html(reply, MsKegFormPage({ ctx: page(req, reply), doc, values: kegValues(doc) }));
  });

  app.post(`${P}/ms-keg`, async (req, reply) => {
    const { d, doc } = await editable(req);
    const values = kegFromBody((req.body ?? {}) as Body);
    const input = { ...values, ms_keg: values.ms_keg };
    try {
      const a = doc.statistical_activity;
      if (a) await executeAction(ctxOf(req), statisticalActivityUpdate, { ...input, id: a.id });
      else {
        const created = await executeAction(ctxOf(req), statisticalActivityCreate, {
          ...input,
          agency_id: d.agency_id,
        });
        await executeAction(ctxOf(req), packageActivitySet, { id: d.id, activity_id: created.id });
      }
    } catch (err) {
      const errors = formErrors(err, req.locale);
      return html(reply, MsKegFormPage({ ctx: page(req, reply), doc, values, errors }), 400);
    }
    return redirectAfterPost(reply, `${urlOf(doc)}?done=saved`);
  });

  app.get(`${P}/ms-var`, async (req, reply) => {
    const { doc } = await editable(req);
    return html(reply, MsVarFormPage({ ctx: page(req, reply), doc }));
  });

  app.post(`${P}/ms-var`, async (req, reply) => {
    const { doc } = await editable(req);
    const body = (req.body ?? {}) as Body;
    const byResource = new Map<string, Record<string, Record<string, string | string[]>>>();
    doc.variables.forEach((v, i) => {
      const group = byResource.get(v.resource_id) ?? {};
      group[v.name] = answersFromBody(MS_VAR, body, `var${i}_`);
      byResource.set(v.resource_id, group);
    });
    try {
      for (const [resource_id, variables] of byResource)
        await executeAction(ctxOf(req), variableMetadataUpdate, { resource_id, variables });
    } catch (err) {
      const errors = formErrors(err, req.locale);
      return html(reply, MsVarFormPage({ ctx: page(req, reply), doc, errors }), 400);
    }
    return redirectAfterPost(reply, `${urlOf(doc)}?done=saved`);
  });

  app.get(`${P}/ms-ind`, async (req, reply) => {
    const { doc } = await editable(req);
    return html(reply, MsIndFormPage({ ctx: page(req, reply), doc, indicatorId: null, values: {} }));
  });

  app.get(`${P}/ms-ind/:id`, async (req, reply) => {
    const { doc } = await editable(req);
    const i = doc.indicators.find((x) => x.id === (req.params as { id: string }).id);
    if (!i) return reply.callNotFound();
    return html(reply, MsIndFormPage({ ctx: page(req, reply), doc, indicatorId: i.id, values: i.ms_ind }));
  });

  async function saveIndicator(req: FastifyRequest, reply: FastifyReply, indicatorId: string | null) {
    const { doc } = await editable(req);
    const values = answersFromBody(MS_IND, (req.body ?? {}) as Body, 'ind_');
    try {
      if (indicatorId)
        await executeAction(ctxOf(req), indicatorMetadataUpdate, { id: indicatorId, ms_ind: values });
      else
        await executeAction(ctxOf(req), indicatorMetadataCreate, {
          package_id: doc.package_id,
          ms_ind: values,
        });
    } catch (err) {
      const errors = formErrors(err, req.locale);
      return html(reply, MsIndFormPage({ ctx: page(req, reply), doc, indicatorId, values, errors }), 400);
    }
    return redirectAfterPost(reply, `${urlOf(doc)}?done=saved`);
  }
  app.post(`${P}/ms-ind`, (req, reply) => saveIndicator(req, reply, null));
  app.post(`${P}/ms-ind/:id`, (req, reply) => saveIndicator(req, reply, (req.params as { id: string }).id));

  await metadataExportRoutes(app, deps);
  await standardRoutes(app, deps);
}
