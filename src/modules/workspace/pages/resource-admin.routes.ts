import type { FastifyInstance } from 'fastify';
import { executeAction } from '../../../kernel/actions/action.js';
import { NotFoundError } from '../../../kernel/errors.js';
import { formInputOf, readApiInput } from '../../../kernel/http/api/api-input.js';
import type { AppDeps } from '../../../kernel/http/app-deps.js';
import { formErrors } from '../../../kernel/http/form-errors.js';
import { redirectAfterPost } from '../../../kernel/http/request-context.js';
import { findDataset, findResource } from '../../catalog/index.js';
import {
  resourceCreate,
  resourceDelete,
  resourceIngestStatus,
  resourceSchemaConfirm,
  resourceUpdate,
} from '../../datastore/index.js';
import { valuesFromDict } from './dataset-form.page.js';
import type { DatasetForms } from './dataset-forms.js';
import { INGEST_PROGRESS_JS } from './ingest-progress.script.js';

/** What the producer typed into a refused resource form (text fields only), to fill it again. */
function typedResource(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['name', 'description', 'sheet', 'url', 'format'])
    if (typeof input[k] === 'string') out[k] = input[k] as string;
  return out;
}

/** `types[<field>]=<type>` form fields as one record (the form's names are the schema's). */
function typesFromForm(body: Record<string, unknown>): Record<string, string> {
  const types: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^types\[([a-z][a-z0-9_]{0,62})\]$/.exec(key);
    if (match?.[1] && typeof value === 'string') types[match[1]] = value;
  }
  return types;
}

/**
 * A dataset's resources in the back office: add a link or a file, upload a new version, follow
 * an upload's progress, delete. Registered by datasetAdminRoutes, under its sign-in hook.
 */
export function resourceAdminRoutes(
  app: FastifyInstance,
  { config, database, files }: AppDeps,
  forms: DatasetForms,
) {
  const db = database.db;
  const { ctxOf, renderForm, loadDict } = forms;

  app.post('/workspace/datasets/:name/resources', { config: { largeUpload: true } }, async (req, reply) => {
    const dict = await loadDict(req, (req.params as { name: string }).name);
    let read: Awaited<ReturnType<typeof readApiInput>> | undefined;
    try {
      read = await readApiInput(req, files, config.uploadMaxBytes);
      // The producer is here to confirm: an undeclared first upload is proposed, not loaded.
      await executeAction({ ...ctxOf(req), files }, resourceCreate, {
        ...read.input,
        package_id: dict.id,
        propose_schema: true,
      });
    } catch (err) {
      if (read?.stored) await files.remove(read.stored.key);
      // Every refusal keeps the form filled and names what is wrong (issue #17 item 6).
      return renderForm(req, reply, valuesFromDict(dict), {
        dict,
        errors: formErrors(err, req.locale),
        status: 400,
        resourceTyped: typedResource(read?.input ?? formInputOf(err)),
      });
    }
    return redirectAfterPost(reply, `/workspace/datasets/${dict.name}/edit?done=resource#resources`);
  });

  /** A new file for an existing resource: a tabular one becomes its next version. */
  app.post('/workspace/resources/:id/upload', { config: { largeUpload: true } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const resource = await findResource(db, id);
    const d = resource ? await findDataset(db, resource.dataset_id) : undefined;
    if (!d) throw new NotFoundError({ id: 'Sumber daya tidak ditemukan', en: 'Resource not found' });
    const dict = await loadDict(req, d.name);
    let read: Awaited<ReturnType<typeof readApiInput>> | undefined;
    try {
      read = await readApiInput(req, files, config.uploadMaxBytes);
      await executeAction({ ...ctxOf(req), files }, resourceUpdate, {
        ...read.input,
        id,
        propose_schema: true,
      });
    } catch (err) {
      if (read?.stored) await files.remove(read.stored.key);
      return renderForm(req, reply, valuesFromDict(dict), {
        dict,
        errors: formErrors(err, req.locale),
        status: 400,
      });
    }
    return redirectAfterPost(reply, `/workspace/datasets/${dict.name}/edit?done=resource#resources`);
  });

  /** The producer confirms the schema proposed for a first upload; the upload loads against it. */
  app.post('/workspace/resources/:id/confirm-schema', async (req, reply) => {
    const { id } = req.params as { id: string };
    const resource = await findResource(db, id);
    const d = resource ? await findDataset(db, resource.dataset_id) : undefined;
    if (!d) throw new NotFoundError({ id: 'Sumber daya tidak ditemukan', en: 'Resource not found' });
    const body = (req.body ?? {}) as Record<string, unknown>;
    await executeAction(ctxOf(req), resourceSchemaConfirm, { id, types: typesFromForm(body) });
    return redirectAfterPost(reply, `/workspace/datasets/${d.name}/edit?done=schema#resources`);
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
