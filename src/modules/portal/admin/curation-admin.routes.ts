import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { formBody, formFailure, sendPage, textField } from '../../../kernel/http/admin-form.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { collectionDelete, collectionSave, featuredDatasetsSave } from '../collections/curation.actions.js';
import { curationText } from '../curation.messages.js';
import { isSitePageSlug } from '../domain/site-pages.js';
import { keyIndicatorDelete } from '../indicators/key-indicator-delete.js';
import { keyIndicatorSave } from '../indicators/key-indicator-save.js';
import { sitePageSave } from '../site-pages/site-page-save.js';
import { CollectionFormPage, type CollectionFormValues, EMPTY_COLLECTION } from './collection-form.page.js';
import { ContactInboxPage } from './contact-inbox.page.js';
import {
  loadCollectionForm,
  loadContactInbox,
  loadCurationAdmin,
  loadIndicatorForm,
  loadSitePageForm,
} from './curation-admin.loader.js';
import { CurationAdminPage } from './curation-admin.page.js';
import { EMPTY_INDICATOR, IndicatorFormPage, type IndicatorFormValues } from './indicator-form.page.js';
import { SitePageFormPage } from './site-page-form.page.js';

const isOn = (b: Record<string, unknown>, k: string) => textField(b as never, k) === 'true';

function collectionValues(body: unknown): CollectionFormValues {
  const b = formBody(body);
  const f = (k: keyof CollectionFormValues) => textField(b, k);
  return {
    name: f('name'),
    title: f('title'),
    title_en: f('title_en'),
    description: f('description'),
    description_en: f('description_en'),
    position: f('position') || '0',
    on_home: isOn(b, 'on_home'),
    datasets: f('datasets'),
  };
}

function indicatorValues(body: unknown): IndicatorFormValues {
  const b = formBody(body);
  const f = (k: keyof IndicatorFormValues) => textField(b, k);
  return {
    name: f('name'),
    title: f('title'),
    title_en: f('title_en'),
    resource_id: f('resource_id'),
    period_field: f('period_field'),
    value_field: f('value_field'),
    unit: f('unit'),
    definition: f('definition'),
    position: f('position') || '0',
    featured: isOn(b, 'featured'),
  };
}

/**
 * The custodian's portal curation (`/admin/portal`): featured datasets, collections, key
 * indicators and the government pages. Every change runs its action (policy, transaction, audit);
 * a refused form is shown again with what was typed and the errors.
 */
export async function curationAdminRoutes(app: FastifyInstance, { database, site }: AppDeps) {
  const db = database.db;
  app.addHook('preHandler', async (req, reply) => {
    if (!req.actor.userId && req.url.startsWith('/admin/portal'))
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  });
  const ctxOf = (req: FastifyRequest, reply: FastifyReply, path: string) => {
    const ctx = { ...pageContext(req, reply, site), path };
    const done = (req.query as { done?: string }).done;
    if (done === 'saved') ctx.notice = curationText(req.locale, 'admin.saved');
    if (done === 'deleted') ctx.notice = curationText(req.locale, 'admin.deleted');
    return ctx;
  };
  const run = (req: FastifyRequest) => actionContext(req, database);

  async function renderHome(
    req: FastifyRequest,
    reply: FastifyReply,
    featured?: string,
    errors?: Record<string, string[]>,
    status = 200,
  ) {
    authorize(req.actor, 'portal:manage');
    const view = await loadCurationAdmin(db, req.locale);
    if (featured !== undefined) view.featured = featured;
    view.featuredErrors = errors;
    return sendPage(reply, CurationAdminPage({ ctx: ctxOf(req, reply, '/admin/portal'), view }), status);
  }

  app.get('/admin/portal', (req, reply) => renderHome(req, reply));

  app.post('/admin/portal/unggulan', async (req, reply) => {
    authorize(req.actor, 'portal:manage');
    const datasets = textField(formBody(req.body), 'datasets');
    try {
      await executeAction(run(req), featuredDatasetsSave, { datasets });
    } catch (err) {
      const f = formFailure(err, req.locale, 'datasets');
      return renderHome(req, reply, datasets, f.errors, f.status);
    }
    return redirectAfterPost(reply, '/admin/portal?done=saved');
  });

  const collectionForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: CollectionFormValues,
    isNew: boolean,
    errors?: Record<string, string[]>,
    status = 200,
  ) =>
    sendPage(
      reply,
      CollectionFormPage({ ctx: ctxOf(req, reply, '/admin/portal'), values, isNew, errors }),
      status,
    );

  app.get('/admin/portal/koleksi-baru', async (req, reply) => {
    authorize(req.actor, 'portal:manage');
    return collectionForm(req, reply, EMPTY_COLLECTION, true);
  });

  app.get('/admin/portal/koleksi/:name', async (req, reply) => {
    authorize(req.actor, 'portal:manage');
    const values = await loadCollectionForm(db, (req.params as { name: string }).name);
    return collectionForm(req, reply, values, false);
  });

  app.post('/admin/portal/koleksi', async (req, reply) => {
    authorize(req.actor, 'portal:manage');
    const v = collectionValues(req.body);
    const isNew = !(await loadCollectionForm(db, v.name).catch(() => null));
    try {
      await executeAction(run(req), collectionSave, v);
    } catch (err) {
      const f = formFailure(err, req.locale, 'name');
      return collectionForm(req, reply, v, isNew, f.errors, f.status);
    }
    return redirectAfterPost(reply, `/admin/portal/koleksi/${encodeURIComponent(v.name)}?done=saved`);
  });

  app.post('/admin/portal/koleksi/:name/hapus', async (req, reply) => {
    await executeAction(run(req), collectionDelete, { name: (req.params as { name: string }).name });
    return redirectAfterPost(reply, '/admin/portal?done=deleted');
  });

  const indicatorForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: IndicatorFormValues,
    errors?: Record<string, string[]>,
    status = 200,
  ) => {
    const { sources } = await loadCurationAdmin(db, req.locale);
    return sendPage(
      reply,
      IndicatorFormPage({ ctx: ctxOf(req, reply, '/admin/portal'), values, sources, errors }),
      status,
    );
  };

  app.get('/admin/portal/indikator', async (req, reply) => {
    authorize(req.actor, 'standard:manage');
    const name = (req.query as { name?: string }).name ?? '';
    const values = (name && (await loadIndicatorForm(db, name))) || EMPTY_INDICATOR;
    return indicatorForm(req, reply, values);
  });

  app.post('/admin/portal/indikator', async (req, reply) => {
    authorize(req.actor, 'standard:manage');
    const v = indicatorValues(req.body);
    try {
      await executeAction(run(req), keyIndicatorSave, v);
    } catch (err) {
      const f = formFailure(err, req.locale, 'name');
      return indicatorForm(req, reply, v, f.errors, f.status);
    }
    return redirectAfterPost(reply, `/admin/portal/indikator?name=${encodeURIComponent(v.name)}&done=saved`);
  });

  app.post('/admin/portal/indikator/:name/hapus', async (req, reply) => {
    await executeAction(run(req), keyIndicatorDelete, { name: (req.params as { name: string }).name });
    return redirectAfterPost(reply, '/admin/portal?done=deleted');
  });

  app.get('/admin/portal/pesan', async (req, reply) => {
    authorize(req.actor, 'portal:manage');
    const messages = await loadContactInbox(db);
    return sendPage(reply, ContactInboxPage({ ctx: ctxOf(req, reply, '/admin/portal'), messages }));
  });

  app.get('/admin/portal/halaman/:slug', async (req, reply) => {
    authorize(req.actor, 'portal:manage');
    const { slug } = req.params as { slug: string };
    if (!isSitePageSlug(slug)) return reply.callNotFound();
    const { values, revisions } = await loadSitePageForm(db, slug);
    return sendPage(
      reply,
      SitePageFormPage({ ctx: ctxOf(req, reply, '/admin/portal'), slug, values, revisions }),
    );
  });

  app.post('/admin/portal/halaman/:slug', async (req, reply) => {
    authorize(req.actor, 'portal:manage');
    const { slug } = req.params as { slug: string };
    if (!isSitePageSlug(slug)) return reply.callNotFound();
    const b = formBody(req.body);
    const values = { body_id: textField(b, 'body_id'), body_en: textField(b, 'body_en') };
    try {
      await executeAction(run(req), sitePageSave, { slug, ...values });
    } catch (err) {
      const f = formFailure(err, req.locale, 'body_id');
      const { revisions } = await loadSitePageForm(db, slug);
      const page = SitePageFormPage({
        ctx: ctxOf(req, reply, '/admin/portal'),
        slug,
        values,
        revisions,
        errors: f.errors,
      });
      return sendPage(reply, page, f.status);
    }
    return redirectAfterPost(reply, `/admin/portal/halaman/${slug}?done=saved`);
  });
}
