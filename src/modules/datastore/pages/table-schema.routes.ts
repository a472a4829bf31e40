import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Papa from 'papaparse';
import { authorize } from '../../../kernel/access/policy.js';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { pageContext } from '../../../kernel/http/page-context.js';
import { actionContext, redirectAfterPost } from '../../../kernel/http/request-context.js';
import type { TableSchema } from '../../../kernel/table-schema/table-schema.js';
import { findResource, packageShow } from '../../catalog/index.js';
import { resourceSchemaUpdate } from '../actions/resource-schema-update.js';
import { listCodeLists } from '../reference-codes.repository.js';
import { tst } from './table-schema.messages.js';
import { TableSchemaPage } from './table-schema.page.js';
import {
  formValuesFromBody,
  formValuesOf,
  type SchemaFormValues,
  schemaFromForm,
} from './table-schema-form.js';

const RESOURCE_NOT_FOUND = { id: 'Sumber daya tidak ditemukan', en: 'Resource not found' };

/**
 * The schema editor (issue #4 item 2): `/workspace/datasets/:name/resources/:id/schema` shows a
 * resource's Table Schema as a form that works without JavaScript; saving runs
 * resource_schema_update, so the API and the page share one policy and one set of checks.
 */
export async function tableSchemaRoutes(app: FastifyInstance, { config, database, site }: AppDeps) {
  const db = database.db;
  const PATH = '/workspace/datasets/:name/resources/:id/schema';

  /** The dataset (visible and updatable by the actor) and its active resource. */
  async function load(req: FastifyRequest) {
    if (!req.actor.userId) return undefined;
    authorize(req.actor, 'workspace:open');
    const { name, id } = req.params as { name: string; id: string };
    const dict = await executeAction(actionContext(req, database, config.siteUrl), packageShow, { id: name });
    if (!dict) throw new NotFoundError(RESOURCE_NOT_FOUND);
    authorize(req.actor, 'dataset:update', { agencyId: dict.owner_org });
    const resource = await findResource(db, id);
    if (resource?.state !== 'active' || resource.dataset_id !== dict.id)
      throw new NotFoundError(RESOURCE_NOT_FOUND);
    return { dict, resource };
  }

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    target: NonNullable<Awaited<ReturnType<typeof load>>>,
    values: SchemaFormValues,
    extra: { errors?: Record<string, string[]>; status?: number; notice?: string } = {},
  ) {
    const codeLists = await listCodeLists(db);
    const ctx = { ...pageContext(req, reply, site), notice: extra.notice };
    const view = {
      datasetName: target.dict.name,
      datasetTitle: target.dict.title,
      resourceId: target.resource.id,
      resourceName: target.resource.name || target.resource.url,
      hasSchema: target.resource.table_schema !== null,
      values,
      codeLists,
      errors: extra.errors,
    };
    return reply
      .code(extra.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(TableSchemaPage({ ctx, view }));
  }

  app.get(PATH, async (req, reply) => {
    const target = await load(req);
    if (!target) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    const done = (req.query as { done?: string }).done;
    return render(req, reply, target, formValuesOf(target.resource.table_schema as TableSchema | null), {
      notice: done === 'saved' ? tst(req.locale, 'saved') : undefined,
    });
  });

  /**
   * The CSV template of a declared schema (issue #17): its header row, the columns in order, so
   * the producer fills the very table the first upload is checked against.
   */
  app.get(`${PATH}/template.csv`, async (req, reply) => {
    const target = await load(req);
    if (!target) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    const schema = target.resource.table_schema as TableSchema | null;
    if (!schema) throw new NotFoundError(RESOURCE_NOT_FOUND);
    const header = Papa.unparse([schema.fields.map((f) => f.name)]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="templat-${target.dict.name}.csv"`)
      .send(`${header}\r\n`);
  });

  app.post(PATH, async (req, reply) => {
    const target = await load(req);
    if (!target) return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    const values = formValuesFromBody((req.body ?? {}) as Record<string, unknown>);
    const previous = target.resource.table_schema as TableSchema | null;
    try {
      await executeAction(actionContext(req, database, config.siteUrl), resourceSchemaUpdate, {
        id: target.resource.id,
        table_schema: schemaFromForm(values, previous),
      });
    } catch (err) {
      const errors = formErrors(err, req.locale);
      const hasBlankRow = values.rows.some((r) => r.name === '' && r.original === '');
      const rows = hasBlankRow
        ? values.rows
        : [...values.rows, formValuesOf(null).rows[0]].flatMap((r) => r ?? []);
      return render(req, reply, target, { ...values, rows }, { errors, status: 400 });
    }
    return redirectAfterPost(
      reply,
      `/workspace/datasets/${encodeURIComponent(target.dict.name)}/resources/${encodeURIComponent(target.resource.id)}/schema?done=saved`,
    );
  });
}
