import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import { dataStandardCreate, dataStandardShow, dataStandardUpdate } from '../actions/data-standard.js';
import { loadStandardList } from './metadata.loaders.js';
import { StandardFormPage, type StandardFormValues, StandardsPage, standardValues } from './standard.page.js';

const KEYS = Object.keys(standardValues(null)) as (keyof StandardFormValues)[];
function fromBody(body: Record<string, unknown>): StandardFormValues {
  return Object.fromEntries(
    KEYS.map((k) => [k, typeof body[k] === 'string' ? body[k] : '']),
  ) as StandardFormValues;
}

/** The data standards back office (`/workspace/standards`); registered inside metadataRoutes. */
export async function standardRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const ctxOf = (req: FastifyRequest) => actionContext(req, database, config.siteUrl);
  const html = 'text/html; charset=utf-8';

  app.get('/workspace/standards', async (req, reply) => {
    const standards = await loadStandardList(database.db);
    return reply.type(html).send(StandardsPage({ ctx: pageContext(req, reply, site), standards }));
  });

  app.get('/workspace/standards/new', async (req, reply) => {
    authorize(req.actor, 'standard:manage');
    const ctx = pageContext(req, reply, site);
    return reply
      .type(html)
      .send(StandardFormPage({ ctx, values: standardValues(null), standard: null, versions: [] }));
  });

  app.post('/workspace/standards/new', async (req, reply) => {
    const values = fromBody((req.body ?? {}) as Record<string, unknown>);
    try {
      const s = await executeAction(ctxOf(req), dataStandardCreate, values);
      return redirectAfterPost(reply, `/workspace/standards/${s.name}`);
    } catch (err) {
      const errors = formErrors(err, req.locale);
      const ctx = pageContext(req, reply, site);
      return reply
        .code(400)
        .type(html)
        .send(StandardFormPage({ ctx, values, standard: null, versions: [], errors }));
    }
  });

  app.get('/workspace/standards/:name', async (req, reply) => {
    const s = await executeAction(ctxOf(req), dataStandardShow, {
      id: (req.params as { name: string }).name,
    });
    const ctx = pageContext(req, reply, site);
    return reply
      .type(html)
      .send(StandardFormPage({ ctx, values: standardValues(s), standard: s, versions: s.versions }));
  });

  app.post('/workspace/standards/:name', async (req, reply) => {
    const s = await executeAction(ctxOf(req), dataStandardShow, {
      id: (req.params as { name: string }).name,
    });
    const values = fromBody((req.body ?? {}) as Record<string, unknown>);
    try {
      await executeAction(ctxOf(req), dataStandardUpdate, { ...values, id: s.id });
      return redirectAfterPost(reply, `/workspace/standards/${s.name}`);
    } catch (err) {
      const errors = formErrors(err, req.locale);
      const ctx = pageContext(req, reply, site);
      return reply
        .code(400)
        .type(html)
        .send(StandardFormPage({ ctx, values, standard: s, versions: s.versions, errors }));
    }
  });
}
